const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
// Production host for manifest URLs: `ADDIN_PROD_URL=https://addin.example.com/ npm run build`.
const PROD_URL = process.env.ADDIN_PROD_URL || "https://vendor-scorecard.example.com/";

/** Dev certificates from office-addin-dev-certs, read directly (trusting them needs sudo, serving them does not). */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const present = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
  if (!present) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"], fallback: { fs: false, path: false, stream: false, crypto: false } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules let webpack tree-shake Fluent UI and split import() into lazy chunks.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(PROD_URL)),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: httpsOptions() },
    },
  };
};
