// The VS Code face of prog: starts `prog lsp` (prog's language server, over standard input
// and output) for .prog files and restarts it when its settings change. Everything the
// editor shows about a program (underlines, completion, hover, quick fixes, formatting,
// outline, go to define) comes from that server; colours come from the TextMate grammar.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

const SECTION = "prog";
const INSTALL = "pip install 'prog[lsp]'";

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;

/** The command and arguments that start the server, from the settings. */
function serverCommand() {
  const settings = vscode.workspace.getConfiguration(SECTION);
  const command = String(settings.get("server.path") || "").trim() || "prog";
  const args = settings.get("server.args");
  return { command, args: Array.isArray(args) ? args.map(String) : ["lsp"] };
}

async function start() {
  const settings = vscode.workspace.getConfiguration(SECTION);
  if (!settings.get("server.enabled", true)) {
    return;
  }
  const { command, args } = serverCommand();
  const run = { command, args, transport: TransportKind.stdio };
  client = new LanguageClient(
    "prog",
    "prog language server",
    { run, debug: run },
    {
      documentSelector: [
        { scheme: "file", language: "prog" },
        { scheme: "untitled", language: "prog" },
      ],
      synchronize: {
        // Settings ([tool.prog]) and included files change what a program means.
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.prog,pyproject.toml}"),
      },
      outputChannel: output,
    }
  );
  try {
    await client.start();
  } catch (error) {
    const failed = client;
    client = undefined;
    failed.dispose().catch(() => undefined);
    const shown = [command, ...args].join(" ");
    const choice = await vscode.window.showErrorMessage(
      `prog: could not start the language server \`${shown}\` (${error.message || error}). ` +
        `Install it with \`${INSTALL}\`, or set "prog.server.path" to the prog command.`,
      "Open settings"
    );
    if (choice === "Open settings") {
      vscode.commands.executeCommand("workbench.action.openSettings", "prog.server");
    }
  }
}

async function stop() {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

async function restart() {
  await stop();
  await start();
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  output = vscode.window.createOutputChannel("prog");
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand("prog.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SECTION}.server`)) {
        restart();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(restart)
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, serverCommand };
