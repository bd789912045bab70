/**
 * The opening every file command shares: parse the arguments, answer --help, require FILE.
 * Returns the parsed arguments and the file, or the exit code to stop with (0 after --help,
 * 2 on bad usage, with the message and the help text on stderr).
 */
import type { Io } from "./io.ts";

interface ParsedArgs {
  values: { help?: boolean | undefined };
  positionals: string[];
}

export function readCommandArgs<T extends ParsedArgs>(
  command: string,
  argv: string[],
  io: Io,
  help: string,
  parse: (argv: string[]) => T,
  options: { fileOptional?: (args: T) => boolean } = {},
): { args: T; file: string | undefined } | number {
  let args: T;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`jixiao ${command}: ${(e as Error).message}\n${help}`);
    return 2;
  }
  if (args.values.help) {
    io.out(help);
    return 0;
  }
  const file = args.positionals[0];
  if (!file && !options.fileOptional?.(args)) {
    io.err(`jixiao ${command}: 缺少文件 missing FILE\n${help}`);
    return 2;
  }
  return { args, file };
}
