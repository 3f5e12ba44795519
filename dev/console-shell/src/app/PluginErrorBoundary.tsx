import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Alert, ExpandableSection, PageSection } from '@patternfly/react-core';

interface Props {
  children?: ReactNode;
  /** The error is cleared when this changes (the shell passes the location path). */
  resetKey?: string;
}

interface State {
  error?: Error;
  componentStack?: string;
}

/** Catches a crashing plugin component and shows its error instead of a blank page. */
export class PluginErrorBoundary extends Component<Props, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) {
      this.setState({ error: undefined, componentStack: undefined });
    }
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Plugin component crashed', error);
    this.setState({ componentStack: info.componentStack ?? undefined });
  }

  render() {
    const { error, componentStack } = this.state;
    if (!error) {
      return this.props.children;
    }
    return (
      <PageSection hasBodyWrapper={false}>
        <Alert
          variant="danger"
          isInline
          title="A plugin component crashed"
          data-test="plugin-page-error"
        >
          <p data-test="plugin-page-error-message">{error.message}</p>
          <ExpandableSection toggleText="Details">
            <pre className="kmm-shell-pre">{`${error.stack ?? ''}\n${componentStack ?? ''}`}</pre>
          </ExpandableSection>
        </Alert>
      </PageSection>
    );
  }
}
