import * as path from 'path';
import { ConsoleRemotePlugin } from '@openshift-console/dynamic-plugin-sdk-webpack';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { ids } from 'webpack';
import type { Module, Configuration as WebpackConfiguration } from 'webpack';
import type { Configuration as DevServerConfiguration } from 'webpack-dev-server';
import { isPatternflyOrItsRuntime, PatternflyChunks } from './scripts/patternfly-chunk';

type Configuration = WebpackConfiguration & { devServer?: DevServerConfiguration };

const isProd = process.env.NODE_ENV === 'production';

// A set of pages whose own PatternFly weighs less (raw, before minifying) shares a chunk with others.
const patternflyChunks = new PatternflyChunks(20_000);

const config: Configuration = {
  mode: isProd ? 'production' : 'development',
  // ConsoleRemotePlugin generates the container entry from package.json#consolePlugin.
  entry: {},
  context: path.resolve(__dirname, 'src'),
  output: {
    path: path.resolve(__dirname, 'dist'),
    // Hashes let console and browsers cache chunks forever in production.
    filename: isProd ? '[name]-bundle-[contenthash].min.js' : '[name]-bundle.js',
    chunkFilename: isProd ? '[name]-chunk-[chunkhash].min.js' : '[name]-chunk.js',
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    // Console does not share react-dom, and PatternFly only needs its createPortal (src/shims/react-dom.ts).
    alias: { 'react-dom$': path.resolve(__dirname, 'src/shims/react-dom.ts') },
  },
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
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      // The producer embeds node-side shell scripts in MachineConfigs: import them as text.
      { test: /\.sh$/, type: 'asset/source' },
      // Some ESM packages use extensionless relative imports.
      { test: /\.m?js$/, resolve: { fullySpecified: false } },
    ],
  },
  plugins: [
    new ConsoleRemotePlugin(),
    patternflyChunks,
    new CopyWebpackPlugin({
      patterns: [{ from: path.resolve(__dirname, 'locales'), to: 'locales' }],
    }),
    // Module ids as webpack's production default makes them (a hash of the module's path, so that an id
    // and the chunks that use it keep their hash from build to build), but 4 digits at most: the default
    // widens them to 5 digits past 500 modules, for a fill rate under 5 %, which adds a digit to every
    // reference in every chunk (about 0.7 KiB gzipped per page). A clash takes the next hash.
    ...(isProd ? [new ids.DeterministicModuleIdsPlugin({ maxLength: 4, fixedLength: true })] : []),
  ],
  // `npm start`: serves the plugin as console's bridge expects (BRIDGE_PLUGINS=<name>=http://localhost:9001).
  devServer: {
    static: path.resolve(__dirname, 'dist'),
    port: 9001,
    allowedHosts: 'all',
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, OPTIONS',
      'Access-Control-Allow-Headers': 'X-Requested-With, Content-Type, Authorization',
    },
    devMiddleware: { writeToDisk: true },
  },
  devtool: isProd ? false : 'source-map',
  // webpack's generic 244 KiB hint does not fit a plugin whose pages share PatternFly chunks;
  // `npm run bench` measures what each page loads against a baseline plugin instead.
  performance: { hints: false },
  optimization: {
    chunkIds: isProd ? 'deterministic' : 'named',
    // In production, the plugin above.
    moduleIds: isProd ? false : 'named',
    minimize: isProd,
    // ConsoleRemotePlugin shares each PatternFly component as its own async chunk group, which scattered
    // PatternFly's helpers and what they import (JSX runtime, react-dom shim, lodash, focus-trap…) over
    // dozens of small chunks. One chunk per set of pages that load them (scripts/patternfly-chunk.ts)
    // keeps a page's requests few, and its PatternFly to what it renders with.
    splitChunks: {
      cacheGroups: {
        patternflyAndItsRuntime: {
          test: (module: Module) => isPatternflyOrItsRuntime(module.nameForCondition()),
          name: patternflyChunks.name,
          chunks: 'async',
          enforce: true,
        },
      },
    },
  },
};

export default config;
