import { randomUUID } from "node:crypto";
import { json, ReplyError, type Reply } from "../http/reply.js";

/** ASP.NET problem-details answers (the error body the contract assumes). */

const titles: Record<number, string> = {
  400: "One or more validation errors occurred.",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
};

export function problem(status: number, detail: string, errors?: Record<string, string[]>): Reply {
  return json(
    status,
    {
      type: `https://tools.ietf.org/html/rfc9110#section-15.${status === 400 ? "5.1" : status === 403 ? "5.4" : status === 404 ? "5.5" : "5.10"}`,
      title: titles[status] ?? "Error",
      status,
      detail,
      traceId: `00-${randomUUID().replace(/-/g, "")}-00`,
      ...(errors ? { errors } : {}),
    },
    { "content-type": "application/problem+json; charset=utf-8" },
  );
}

/** Turns "/field message" lines into the per-field map ASP.NET answers. */
export function validationProblem(messages: string[]): Reply {
  const errors: Record<string, string[]> = {};
  for (const message of messages) {
    const [path, ...rest] = message.split(" ");
    const field = path === "(root)" ? "$" : path!.replace(/^\//, "").replace(/\//g, ".");
    (errors[field] ??= []).push(rest.join(" "));
  }
  return problem(400, "The request body is invalid.", errors);
}

export const fail = (status: number, detail: string, errors?: Record<string, string[]>): never => {
  throw new ReplyError(problem(status, detail, errors));
};
