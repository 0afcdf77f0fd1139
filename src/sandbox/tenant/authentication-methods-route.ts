import { resourceNotFound } from "./graph-error.js";
import { METADATA_URL, type GraphRoute } from "./graph-route.js";
import { toAuthenticationMethods } from "./to-authentication-methods.js";

/** GET /users/{id}/authentication/methods: the live state, with no report lag. */
export const authenticationMethodsRoute: GraphRoute = {
  method: "GET",
  pattern: /^\/users\/([^/]+)\/authentication\/methods$/,
  queryOptions: [],
  handle(request, environment) {
    const key = request.params[0] ?? "";
    const user = environment.tenant.findUser(key);
    if (user === undefined) throw resourceNotFound(key);
    return {
      status: 200,
      body: { "@odata.context": `${METADATA_URL}#users('${user.id}')/authentication/methods`, value: toAuthenticationMethods(user) },
    };
  },
};
