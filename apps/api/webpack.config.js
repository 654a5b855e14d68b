const { join } = require('node:path');
const { TsconfigPathsPlugin } = require('tsconfig-paths-webpack-plugin');
const nodeExternals = require('webpack-node-externals');
const { RunScriptWebpackPlugin } = require('run-script-webpack-plugin');

/** Bundles the API and its libs into one file; node_modules stay external and load at run time. */
module.exports = (env = {}, argv = {}) => ({
  target: 'node',
  mode: argv.mode ?? 'production',
  entry: join(__dirname, 'src/main.ts'),
  devtool: 'source-map',
  output: { path: join(__dirname, '../../dist/apps/api'), filename: 'main.js', clean: true },
  resolve: {
    extensions: ['.ts', '.js'],
    plugins: [new TsconfigPathsPlugin({ configFile: join(__dirname, 'tsconfig.app.json') })],
  },
  externals: [nodeExternals({ modulesDir: join(__dirname, '../../node_modules') })],
  externalsPresets: { node: true },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: 'swc-loader',
        options: {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2023',
            keepClassNames: true,
          },
          module: { type: 'commonjs' },
          sourceMaps: true,
        },
      },
    ],
  },
  optimization: { minimize: false },
  node: { __dirname: false, __filename: false },
  plugins: env.run ? [new RunScriptWebpackPlugin({ name: 'main.js', autoRestart: true })] : [],
  watchOptions: { ignored: /node_modules|\.data|\.tools|dist/ },
});
