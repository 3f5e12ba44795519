import { useState } from 'react';
import { Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import UserIcon from '@patternfly/react-icons/dist/js/icons/user-icon';
import { currentUser, switchUser, USERS } from './user';

/** Masthead menu to act as another simulator user (sets the cookie and reloads). */
export const UserSwitcher = () => {
  const [isOpen, setIsOpen] = useState(false);
  const user = currentUser();
  return (
    <Dropdown
      isOpen={isOpen}
      onOpenChange={setIsOpen}
      popperProps={{ position: 'right' }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          variant="plainText"
          icon={<UserIcon />}
          isExpanded={isOpen}
          onClick={() => {
            setIsOpen(!isOpen);
          }}
          data-test="user-switcher"
          data-user={user}
        >
          {user}
        </MenuToggle>
      )}
    >
      <DropdownList>
        {USERS.map(({ id, label }) => (
          <DropdownItem
            key={id}
            data-test={`user-option-${id}`}
            isSelected={id === user}
            onClick={() => {
              setIsOpen(false);
              if (id !== user) {
                switchUser(id);
              }
            }}
          >
            {label}
          </DropdownItem>
        ))}
      </DropdownList>
    </Dropdown>
  );
};
