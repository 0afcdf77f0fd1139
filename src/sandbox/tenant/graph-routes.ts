import { appCatalogRoute } from "./app-catalog-route.js";
import { authenticationMethodsRoute } from "./authentication-methods-route.js";
import { getGroupRoute, listGroupsRoute, userMemberOfRoute } from "./groups-routes.js";
import { groupMembersRoute } from "./group-members-route.js";
import type { GraphRoute } from "./graph-route.js";
import { getInstalledAppRoute, installAppRoute, installedAppChatRoute, listInstalledAppsRoute } from "./installed-apps-routes.js";
import { authenticationMethodsPolicyRoute, conditionalAccessPoliciesRoute, securityDefaultsRoute } from "./policies-routes.js";
import { getRegistrationDetailsRoute, listRegistrationDetailsRoute } from "./registration-details-routes.js";
import { listSignInsRoute } from "./sign-in-log-route.js";
import { getManagerRoute, getUserRoute, listUsersRoute } from "./user-routes.js";
import { usersDeltaRoute } from "./users-delta-route.js";

/** Every resource the simulated Graph serves under /v1.0; the first match wins, so /users/delta precedes /users/{id}. */
export const GRAPH_ROUTES: readonly GraphRoute[] = [
  listRegistrationDetailsRoute,
  getRegistrationDetailsRoute,
  listUsersRoute,
  usersDeltaRoute,
  getUserRoute,
  getManagerRoute,
  authenticationMethodsRoute,
  listSignInsRoute,
  groupMembersRoute,
  installAppRoute,
  listInstalledAppsRoute,
  getInstalledAppRoute,
  installedAppChatRoute,
  // What `doctor` reads.
  userMemberOfRoute,
  listGroupsRoute,
  getGroupRoute,
  appCatalogRoute,
  securityDefaultsRoute,
  conditionalAccessPoliciesRoute,
  authenticationMethodsPolicyRoute,
];
