import { describe, expect, it } from "vitest";
import type { GraphClient } from "../../src/graph/client/graph-client.js";
import { readLiveMethods } from "../../src/graph/authentication-methods.js";

/** A Graph stand-in serving the given pages of /users/{id}/authentication/methods, linked by nextLink. */
function graphWith(pages: Record<string, unknown>[][]): GraphClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    baseUrl: "https://graph.microsoft.com",
    get: (url) => {
      asked.push(url);
      const index = asked.length - 1;
      const next = index + 1 < pages.length ? { "@odata.nextLink": `https://graph.microsoft.com/v1.0/next/${index + 1}` } : {};
      return Promise.resolve({ value: pages[index] ?? [], ...next });
    },
    post: () => Promise.reject(new Error("not used")),
  };
}

const type = (name: string, more: Record<string, unknown> = {}) => ({ "@odata.type": `#microsoft.graph.${name}`, id: name, ...more });

describe("what a person has registered right now, in the report's words", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ["the Authenticator app", type("microsoftAuthenticatorAuthenticationMethod"), ["microsoftAuthenticatorPush"]],
    ["a mobile phone", type("phoneAuthenticationMethod", { phoneType: "mobile" }), ["mobilePhone"]],
    ["an alternate mobile phone", type("phoneAuthenticationMethod", { phoneType: "alternateMobile" }), ["alternateMobilePhone"]],
    ["an office phone", type("phoneAuthenticationMethod", { phoneType: "office" }), ["officePhone"]],
    ["a FIDO2 security key", type("fido2AuthenticationMethod"), ["fido2SecurityKey"]],
    ["Windows Hello for Business", type("windowsHelloForBusinessAuthenticationMethod"), ["windowsHelloForBusiness"]],
    ["a software OATH token", type("softwareOathAuthenticationMethod"), ["softwareOneTimePasscode"]],
    ["a macOS platform credential", type("platformCredentialAuthenticationMethod"), ["macOsSecureEnclaveKey"]],
    ["another provider's MFA", type("externalAuthenticationMethod"), ["externalAuthenticationMethod"]],
    ["a Temporary Access Pass", type("temporaryAccessPassAuthenticationMethod"), ["temporaryAccessPass"]],
    ["an email address", type("emailAuthenticationMethod"), ["email"]],
    ["a hardware OATH token (beta)", type("hardwareOathAuthenticationMethod"), ["hardwareOneTimePasscode"]],
    ["only the password, which is never a second factor", type("passwordAuthenticationMethod"), []],
  ])("names %s", async (_name, method, methods) => {
    expect(await readLiveMethods(graphWith([[type("passwordAuthenticationMethod"), method]]), "u1")).toEqual({
      methods,
      unknownTypes: [],
    });
  });

  it("reads every page, names each method once, and lists the types it does not know", async () => {
    const graph = graphWith([
      [type("phoneAuthenticationMethod", { phoneType: "mobile" }), type("quantumAuthenticationMethod")],
      [type("phoneAuthenticationMethod", { phoneType: "mobile" }), type("fido2AuthenticationMethod"), type("quantumAuthenticationMethod")],
    ]);
    expect(await readLiveMethods(graph, "user/1")).toEqual({
      methods: ["mobilePhone", "fido2SecurityKey"],
      unknownTypes: ["#microsoft.graph.quantumAuthenticationMethod"],
    });
    expect(graph.asked).toEqual(["/users/user%2F1/authentication/methods", "https://graph.microsoft.com/v1.0/next/1"]);
  });
});
