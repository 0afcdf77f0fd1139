import { describe, expect, it } from "vitest";
import { DEFAULT_TENANT_NOW_MS, generateTenant } from "../../../src/sandbox/tenant/generate-tenant.js";
import { isMfaRegistered } from "../../../src/sandbox/tenant/is-mfa-registered.js";
import type { SimulatedTenant } from "../../../src/sandbox/tenant/simulated-tenant.js";
import type { SimulatedUser } from "../../../src/sandbox/tenant/simulated-user.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DEPARTMENTS = [
  "Engineering",
  "Sales",
  "Marketing",
  "Finance",
  "Human Resources",
  "Legal",
  "Operations",
  "Customer Support",
  "IT",
  "Facilities",
  "Research",
  "Procurement",
];
const LANGUAGE_OF: Record<string, string> = { GB: "en-GB", US: "en-US", DE: "de-DE", FR: "fr-FR", ES: "es-ES", NL: "nl-NL" };

const share = (users: readonly SimulatedUser[], test: (user: SimulatedUser) => boolean): number => users.filter(test).length / users.length;

/** Checks that hold for every tenant, however small. */
function expectWellFormed(tenant: SimulatedTenant, size: number): void {
  const { users } = tenant;
  expect(users).toHaveLength(size);
  expect(users.every((user) => GUID.test(user.id))).toBe(true);
  expect(new Set(users.map((user) => user.id)).size).toBe(size);
  expect(new Set(users.map((user) => user.userPrincipalName.toLowerCase())).size).toBe(size);
  const ceos = users.filter((user) => user.kind === "person" && user.managerId === null);
  expect(ceos).toHaveLength(1);
  expect(ceos[0]?.jobTitle).toBe("Chief Executive Officer");
  for (const user of users) {
    if (user.managerId !== null) expect(tenant.userById(user.managerId)?.kind).toBe("person");
  }
  const breakGlass = users.filter((user) => user.kind === "breakGlass");
  expect(breakGlass.map((user) => user.userPrincipalName).sort()).toEqual([
    "admin-emergency-01@contoso.com",
    "admin-emergency-02@contoso.com",
  ]);
  for (const account of breakGlass) {
    expect(account).toMatchObject({ isAdmin: true, managerId: null, accountEnabled: true });
    expect(isMfaRegistered(account.methodsRegistered)).toBe(false);
  }
  for (const group of Object.values(tenant.groups)) expect(group).toMatch(GUID);
  expect(tenant.groupMembers.get(tenant.groups.pilot)?.length).toBeGreaterThan(0);
  expect(tenant.groupMembers.get(tenant.groups.botAdmins)?.length).toBeGreaterThan(0);
  const services = users.filter((user) => user.kind === "service").map((user) => user.id);
  expect([...(tenant.groupMembers.get(tenant.groups.serviceAccounts) ?? [])].sort()).toEqual(services.sort());
}

describe("generateTenant", () => {
  it("produces the same tenant from the same seed", () => {
    const a = generateTenant({ seed: 42, size: 400 });
    const b = generateTenant({ seed: 42, size: 400 });
    expect(JSON.stringify(b.users)).toBe(JSON.stringify(a.users));
    expect(b.deletedUsers).toEqual(a.deletedUsers);
    expect(b.groups).toEqual(a.groups);
    expect(b.teamsApp).toEqual(a.teamsApp);
  });

  it("produces a different tenant from a different seed", () => {
    const a = generateTenant({ seed: 42, size: 400 });
    const b = generateTenant({ seed: 43, size: 400 });
    const idsOfA = new Set(a.users.map((user) => user.id));
    expect(b.users.filter((user) => idsOfA.has(user.id))).toHaveLength(0);
    expect(b.users.map((user) => user.displayName)).not.toEqual(a.users.map((user) => user.displayName));
  });

  it.each([3, 10, 50])("still builds a valid tenant of %i users (a CEO, the break-glass pair, groups)", (size) => {
    expectWellFormed(generateTenant({ seed: 1, size }), size);
  });

  it("refuses a tenant too small to hold a CEO and the break-glass pair", () => {
    expect(() => generateTenant({ seed: 1, size: 2 })).toThrow(RangeError);
  });

  it("uses the domain it is given, and the onmicrosoft.com domain for guests", () => {
    const tenant = generateTenant({ seed: 5, size: 200, domain: "fabrikam.org" });
    const members = tenant.users.filter((user) => user.userType === "Member");
    expect(members.every((user) => user.userPrincipalName.endsWith("@fabrikam.org"))).toBe(true);
    const guests = tenant.users.filter((user) => user.userType === "Guest");
    expect(guests.every((user) => /^[a-z0-9.-]+_[a-z0-9.-]+#EXT#@fabrikam\.onmicrosoft\.com$/.test(user.userPrincipalName))).toBe(true);
  });

  describe("at 10,000 users", () => {
    const tenant = generateTenant({ seed: 2025, size: 10_000 });
    const { users } = tenant;
    const people = users.filter((user) => user.kind === "person");

    it("is well formed", () => expectWellFormed(tenant, 10_000));

    it("has about 5% guests, with #EXT# UPNs and no department or manager", () => {
      const guests = users.filter((user) => user.kind === "guest");
      expect(guests.length / users.length).toBeCloseTo(0.05, 2);
      for (const guest of guests) {
        expect(guest.userType).toBe("Guest");
        expect(guest.userPrincipalName).toMatch(/_[^@]+#EXT#@contoso\.onmicrosoft\.com$/);
        expect(guest).toMatchObject({ department: null, managerId: null });
      }
      expect(share(guests, (guest) => guest.methodsRegistered.length === 0)).toBeGreaterThan(0.75);
    });

    it("has about 1% service accounts: svc- names, no manager or department, never registered, all in their group", () => {
      const services = users.filter((user) => user.kind === "service");
      expect(services.length / users.length).toBeCloseTo(0.01, 2);
      for (const service of services) {
        expect(service.userPrincipalName).toMatch(/^svc-[a-z0-9-]+@contoso\.com$/);
        expect(service).toMatchObject({ department: null, managerId: null, methodsRegistered: [], userType: "Member" });
      }
      expect([...(tenant.groupMembers.get(tenant.groups.serviceAccounts) ?? [])].sort()).toEqual(services.map((s) => s.id).sort());
    });

    it("has about 3% disabled leavers", () => {
      expect(share(users, (user) => !user.accountEnabled)).toBeGreaterThan(0.02);
      expect(share(users, (user) => !user.accountEnabled)).toBeLessThan(0.04);
    });

    it("has about 1% admins among people, mostly in IT, some of them not registered", () => {
      const admins = people.filter((user) => user.isAdmin);
      expect(admins.length / people.length).toBeCloseTo(0.01, 2);
      expect(share(admins, (admin) => admin.department === "IT")).toBeGreaterThan(0.5);
      const unregistered = admins.filter((admin) => !isMfaRegistered(admin.methodsRegistered));
      expect(unregistered.length).toBeGreaterThan(0);
      expect(unregistered.length).toBeLessThan(admins.length / 2);
    });

    it("registers people in the documented mix, and email alone does not count", () => {
      const exactly = (...methods: string[]) => share(people, (p) => [...p.methodsRegistered].sort().join() === [...methods].sort().join());
      expect(
        share(
          people,
          (p) => p.methodsRegistered.includes("microsoftAuthenticatorPush") && p.methodsRegistered.includes("softwareOneTimePasscode"),
        ),
      ).toBeCloseTo(0.5, 1);
      expect(share(people, (p) => p.methodsRegistered[0] === "mobilePhone")).toBeCloseTo(0.12, 1);
      expect(exactly("email")).toBeGreaterThan(0.02);
      expect(exactly("email")).toBeLessThan(0.04);
      expect(share(people, (p) => p.methodsRegistered.length === 0)).toBeCloseTo(0.22, 1);
      expect(isMfaRegistered(["email"])).toBe(false);
      expect(share(people, (p) => isMfaRegistered(p.methodsRegistered))).toBeCloseTo(0.75, 1);
    });

    it("spreads people over twelve departments, with a few null and a few empty ones", () => {
      const departments = new Set(people.map((p) => p.department));
      for (const name of DEPARTMENTS) expect(departments.has(name)).toBe(true);
      expect([...departments].filter((d) => d !== null && d !== "" && !DEPARTMENTS.includes(d))).toEqual([]);
      expect(people.filter((p) => p.department === null).length).toBeGreaterThan(5);
      expect(people.filter((p) => p.department === "").length).toBeGreaterThan(5);
    });

    it("builds a hierarchy: heads report to the CEO, managers have at most ten reports", () => {
      const ceo = people.find((p) => p.managerId === null);
      const reports = new Map<string, number>();
      for (const p of people) if (p.managerId !== null) reports.set(p.managerId, (reports.get(p.managerId) ?? 0) + 1);
      expect(reports.get(ceo?.id ?? "")).toBe(12);
      for (const [managerId, count] of reports) if (managerId !== ceo?.id) expect(count).toBeLessThanOrEqual(10);
      const managers = people.filter((p) => reports.has(p.id));
      expect(managers.length / people.length).toBeGreaterThan(0.08);
      expect(managers.length / people.length).toBeLessThan(0.3);
      // Every chain ends at the CEO, without cycles.
      for (const p of people) {
        let current: SimulatedUser | undefined = p;
        for (let steps = 0; current?.managerId; steps++) {
          expect(steps).toBeLessThan(20);
          current = tenant.userById(current.managerId);
        }
        expect(current?.id).toBe(ceo?.id);
      }
    });

    it("gives people a usage location and a matching (or missing) preferred language", () => {
      for (const p of people) {
        expect(Object.keys(LANGUAGE_OF)).toContain(p.usageLocation);
        if (p.preferredLanguage !== null) expect(p.preferredLanguage).toBe(LANGUAGE_OF[p.usageLocation ?? ""]);
      }
      expect(people.some((p) => p.preferredLanguage === null)).toBe(true);
    });

    it("leaves about 0.5% of people, all created in the last day, out of the report", () => {
      const missing = users.filter((user) => !user.inReport);
      expect(missing.length / people.length).toBeCloseTo(0.005, 2);
      for (const user of missing) {
        expect(user.kind).toBe("person");
        expect(DEFAULT_TENANT_NOW_MS - Date.parse(user.createdDateTime)).toBeLessThan(86_400_000);
      }
    });

    it("keeps about 0.2% report-only rows for users deleted from the directory", () => {
      expect(tenant.deletedUsers.length).toBe(20);
      for (const ghost of tenant.deletedUsers) {
        expect(tenant.userById(ghost.id)).toBeUndefined();
        expect(tenant.userByUpn(ghost.userPrincipalName)).toBeUndefined();
      }
    });

    it("installs the Teams app for most people and blocks it for about 0.5%", () => {
      expect(share(people, (p) => p.teamsAppInstalled)).toBeGreaterThan(0.7);
      expect(share(people, (p) => p.teamsAppBlocked)).toBeCloseTo(0.005, 2);
      expect(people.filter((p) => p.teamsAppBlocked && p.teamsAppInstalled)).toHaveLength(0);
      expect(tenant.teamsApp.id).toMatch(GUID);
    });

    it("puts about 5% of enabled people in the pilot, IT first, and a handful of IT admins in bot admins", () => {
      const enabled = people.filter((p) => p.accountEnabled);
      const pilot = (tenant.groupMembers.get(tenant.groups.pilot) ?? []).map((id) => tenant.userById(id));
      expect(pilot.length / enabled.length).toBeCloseTo(0.05, 2);
      expect(share(pilot as SimulatedUser[], (p) => p.department === "IT")).toBeGreaterThan(0.5);
      expect(pilot.every((p) => p?.accountEnabled)).toBe(true);
      const botAdmins = (tenant.groupMembers.get(tenant.groups.botAdmins) ?? []).map((id) => tenant.userById(id));
      expect(botAdmins.length).toBeGreaterThanOrEqual(1);
      expect(botAdmins.length).toBeLessThanOrEqual(5);
      expect(botAdmins.every((admin) => admin?.isAdmin && admin.department === "IT")).toBe(true);
    });
  });
});
