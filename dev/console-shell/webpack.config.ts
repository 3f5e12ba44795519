import * as path from 'path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Configuration } from 'webpack';

/** Where `npm run build:shell` (and `dev/start.ts`) put the shell. */
export const SHELL_DIST = path.resolve(__dirname, 'dist');

const reactStylesDir = path.dirname(require.resolve('@patternfly/react-styles/package.json'));

/**
 * The shell app (not the plugin). Development mode without source maps keeps the build short;
 * the shell is dev tooling, never shipped.
 */
const config: Configuration = {
  mode: 'development',
  devtool: false,
  context: path.resolve(__dirname, 'src'),
  entry: { shell: './index.tsx' },
  output: {
    path: SHELL_DIST,
    publicPath: '/',
    filename: '[name]-[contenthash].js',
    chunkFilename: '[name]-[contenthash].js',
    assetModuleFilename: 'assets/[name]-[contenthash][ext]',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx'] },
  module: {
    rules: [
      {
        test: /\.(jsx?|tsx?)$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
              target: 'es2021',
            },
          },
        },
      },
      // PatternFly React imports its component CSS from react-styles. Console instead loads
      // @patternfly/patternfly's CSS (6.4) once, and so does the shell: the per-component
      // copies are imported as inert text so that only one PatternFly stylesheet applies.
      { test: /\.css$/, include: reactStylesDir, type: 'asset/source' },
      { test: /\.css$/, exclude: reactStylesDir, use: ['style-loader', 'css-loader'] },
      { test: /\.(woff2?|ttf|eot|otf|svg|png|jpe?g|gif)$/, type: 'asset/resource' },
      // The console SDK's extension guards and some ESM packages use extensionless imports.
      { test: /\.m?js$/, resolve: { fullySpecified: false } },
    ],
  },
  plugins: [new HtmlWebpackPlugin({ template: './index.html' })],
  performance: { hints: false },
  stats: 'errors-warnings',
};

export default config;
