import { AppError } from "../../errors/app-error.js";
import { ErrorCode } from "../../errors/error-code.js";
import { permissionForPath } from "./graph-permissions.js";

/** Graph's error body: `{ error: { code, message, innerError: { request-id, date } } }`. */
interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: Record<string, unknown> };
}

/**
 * Turns a failed Graph response into a coded error whose hint names the licence, permission or
 * setting to fix. `path` is the request path after /v1.0, used to name the missing permission.
 */
export function toGraphError(status: number, bodyText: string, path: string): AppError {
  const body = parseBody(bodyText);
  const graphCode = body.error?.code ?? "";
  const graphMessage = body.error?.message ?? bodyText.slice(0, 200);
  const requestId = body.error?.innerError?.["request-id"];
  const details = { status, graphCode, path, requestId };
  const message = `Graph answered ${status} ${graphCode || "(no code)"} for ${path}: ${graphMessage}`;

  if (graphCode === "Authentication_RequestFromNonPremiumTenantOrB2CTenant") {
    return new AppError(ErrorCode.GraphLicenceMissing, message, {
      details,
      hint:
        "The registration report needs Microsoft Entra ID P1 or P2 in this tenant (included in " +
        "Microsoft 365 E3/E5 and Business Premium). Assign at least one P1/P2 licence, or run " +
        "against a tenant that has one.",
    });
  }
  // Directory calls say Authorization_RequestDenied ("Insufficient privileges"); Teams calls say "Missing role permissions on the
  // request. API requires one of '…'".
  // Forbidden, "Missing role permissions on the request. API requires one of '…'"; the identity
  // reports say Authentication_MSGraphPermissionMissing.
  const permissionCodes = ["Authorization_RequestDenied", "Authentication_MSGraphPermissionMissing"];
  if (status === 403 && (permissionCodes.includes(graphCode) || /privileges|missing role permissions/i.test(graphMessage))) {
    const permission = permissionForPath(path);
    return new AppError(ErrorCode.GraphPermissionMissing, message, {
      details: { ...details, permission: permission?.name },
      hint: permission
        ? `Grant the application permission ${permission.name} (needed to ${permission.why}) in ` +
          'Entra ID > App registrations > API permissions, then press "Grant admin consent".'
        : "The app lacks a Graph permission for this call; compare its API permissions with the README's table.",
    });
  }
  if (status === 401) {
    return new AppError(ErrorCode.GraphUnauthorized, message, {
      details,
      hint:
        "Graph rejected the access token. If GRAPH_ACCESS_TOKEN is set it has probably expired " +
        "(they last about an hour): get a fresh one. Otherwise check AZURE_TENANT_ID and AZURE_CLIENT_ID.",
    });
  }
  if (status === 429) {
    return new AppError(ErrorCode.GraphThrottled, message, {
      details,
      hint: "Graph kept throttling after every retry. Another app may share this app registration's quota; try again later.",
    });
  }
  if (status === 404) return new AppError(ErrorCode.GraphNotFound, message, { details });
  if (status === 409) return new AppError(ErrorCode.GraphConflict, message, { details });
  if (status === 403) return new AppError(ErrorCode.GraphForbidden, message, { details });
  return new AppError(ErrorCode.GraphRequestFailed, message, { details });
}

function parseBody(text: string): GraphErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? parsed : {};
  } catch {
    // Not JSON (a proxy's HTML error page, say): the raw text goes into the message instead.
    return {};
  }
}
