import type { Translate } from '../shared/usePluginTranslation';
import type { EditableField } from '../../preflight';

/** The form's label of each parameter an edit can change, as the fields show it. */
export const fieldLabel = (t: Translate, field: EditableField): string => {
  switch (field) {
    case 'kernelModuleImage':
      return t('Kernel module image');
    case 'kernelModuleName':
      return t('Kernel module');
    case 'inTreeModulesToRemove':
      return t('In-tree modules to remove');
    case 'workerImage':
      return t('Worker image');
    case 'firmwareFilesPath':
      return t('Firmware path');
  }
};
