/**
 * Entry of the `jixiao` command: dispatches to one file per sub-command in ./commands.
 * Each command module exports `run(argv, io)` and returns the exit code
 * (0 ok, 1 findings/errors in the content, 2 unreadable input or bad usage).
 */
import type { Io } from "./io.ts";
import { processIo } from "./io.ts";

type CommandModule = { run(argv: string[], io: Io): Promise<number>; summary: string };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  import: () => import("./commands/import.ts"),
  export: () => import("./commands/export.ts"),
  check: () => import("./commands/check.ts"),
  score: () => import("./commands/score.ts"),
  "self-eval-report": () => import("./commands/self-eval-report.ts"),
  monitor: () => import("./commands/monitor.ts"),
  serve: () => import("./commands/serve.ts"),
};

/** Registers a command loader; used by command modules added later in the tree. */
export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}

async function usage(io: Io): Promise<void> {
  const lines = ["用法 Usage: jixiao <command> [options]", ""];
  for (const name of Object.keys(COMMANDS)) {
    const mod = await COMMANDS[name]!();
    lines.push(`  ${name.padEnd(8)} ${mod.summary}`);
  }
  lines.push("", "jixiao <command> --help 查看命令帮助 / for a command's options");
  io.out(`${lines.join("\n")}\n`);
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    await usage(io);
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.out("jixiao 0.1.0\n");
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`jixiao: 未知命令 unknown command "${name}". Run jixiao --help.\n`);
    return 2;
  }
  const mod = await load();
  return mod.run(rest, io);
}
