#!/usr/bin/env node
// The `jixiao` command. Sources are TypeScript, run through tsx's loader so that
// `npx jixiao` works right after `npm install` with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
