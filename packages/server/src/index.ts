// Public surface of @jixiao/server.
export { type AppOptions, buildApp } from "./app.ts";
export { type ConnectOptions, type Database, openDatabase, StartError } from "./db/connect.ts";
export { DEMO_REGION, DEMO_USERS } from "./demo/load-demo.ts";
export { SERVER_ERRORS, type ServerErrorCode } from "./errors.ts";
export { bootstrap, type StartOptions, startServer } from "./start.ts";
