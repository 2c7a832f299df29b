// Starts `guidelint server` for Markdown files; the server does the rest (diagnostics, fixes, hover).
const { workspace } = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

exports.activate = async (context) => {
  const [command, ...args] = workspace.getConfiguration("guidelint").get("command");
  client = new LanguageClient("guidelint", "guidelint", { command, args }, {
    documentSelector: [{ scheme: "file", language: "markdown" }, { scheme: "untitled", language: "markdown" }],
    // saving or changing these re-checks the open guides
    synchronize: {
      fileEvents: workspace.createFileSystemWatcher("**/{.guidelint.yaml,.guidelint.yml,pyproject.toml,.guidelint-words.txt}"),
    },
  });
  context.subscriptions.push(client);
  await client.start();
};

exports.deactivate = () => (client ? client.stop() : undefined);
