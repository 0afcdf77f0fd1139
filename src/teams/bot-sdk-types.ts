/*
 * The Teams SDK's types that the composition root holds on to, named here so that only src/teams
 * imports the SDK: moving to a newer Teams SDK then touches this folder alone.
 */
export type { Application as BotApplication } from "@microsoft/teams-ai";
export type { BotAdapter } from "./create-teams-adapter.js";
