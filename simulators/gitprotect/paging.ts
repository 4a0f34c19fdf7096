import { compareAsText } from "../http/text-order.js";
import { fail } from "./problems.js";

export interface PageRequest {
  page?: number;
  limit?: number;
  orderby?: string;
  ordertype?: "asc" | "desc";
  filters?: Array<{
    field: string;
    operator?: "eq" | "neq" | "contains" | "startswith";
    value: string | number | boolean;
  }>;
}

/** Filters, orders and pages records the way `getmany` does, with `{currentPage, pageCount, totalEntries, result}`. */
export function pageOf<T extends object>(records: T[], request: PageRequest) {
  const limit = request.limit ?? 20;
  const page = request.page ?? 1;
  const field = (name: string, where: string): keyof T => {
    const sample = records[0] ?? {};
    const found = Object.keys(sample).find((key) => key.toLowerCase() === name.toLowerCase());
    if (!found && records.length > 0)
      fail(400, `Unknown field ${name}`, { [where]: [`Unknown field '${name}'.`] });
    return (found ?? name) as keyof T;
  };
  let selected = records;
  (request.filters ?? []).forEach((filter, i) => {
    const key = field(filter.field, `filters[${i}].field`);
    const wanted = String(filter.value).toLowerCase();
    const test = (value: unknown) => {
      const actual = String(value).toLowerCase();
      switch (filter.operator ?? "eq") {
        case "eq":
          return actual === wanted;
        case "neq":
          return actual !== wanted;
        case "contains":
          return actual.includes(wanted);
        case "startswith":
          return actual.startsWith(wanted);
      }
    };
    selected = selected.filter((record) => test(record[key]));
  });
  const orderKey = field(request.orderby || "name", "orderby");
  const direction = request.ordertype === "desc" ? -1 : 1;
  selected = [...selected].sort((a, b) => {
    const left = a[orderKey] as unknown;
    const right = b[orderKey] as unknown;
    const order =
      typeof left === "number" && typeof right === "number" ? left - right : compareAsText(left, right);
    // Ties keep a stable order by id, so pages never repeat or skip a record.
    return (
      (order || String((a as { id?: string }).id).localeCompare(String((b as { id?: string }).id))) *
      direction
    );
  });
  return {
    currentPage: page,
    pageCount: Math.ceil(selected.length / limit),
    totalEntries: selected.length,
    result: selected.slice((page - 1) * limit, page * limit),
  };
}
