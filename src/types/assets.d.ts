// Webpack turns these imports into modules (see webpack.config.ts); tell TypeScript what they export.
declare module '*.css';

/** Shell scripts are bundled as text (`type: 'asset/source'`) so the producer can embed them. */
declare module '*.sh' {
  const content: string;
  export default content;
}
