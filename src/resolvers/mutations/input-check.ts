import { GraphQLError } from "graphql";
import type {
  BackupScheduleInput,
  PropertyInput,
  ScmPermissionInput,
} from "../../generated/resolvers-types.js";
import { decodeId, isGuid, type GlobalId } from "../../graphql/global-id.js";
import type { MutationErrorModel } from "./payload-models.js";

/**
 * Input checked before any upstream call: each problem is a payload error naming its field, so a
 * client can show it beside that field.
 */
export class InputCheck {
  readonly problems: MutationErrorModel[] = [];

  fail(field: string, message: string): void {
    this.problems.push({ code: "INVALID_INPUT", message, field });
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  id<T extends GlobalId["type"]>(
    raw: string,
    type: T,
    field: string,
  ): Extract<GlobalId, { type: T }> | undefined {
    try {
      const id = decodeId(raw);
      if (id.type === type) return id as Extract<GlobalId, { type: T }>;
      this.fail(field, `This is a ${id.type} id, not a ${type} id.`);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      this.fail(field, "This is not an id this gateway issued.");
    }
    return undefined;
  }

  /** A repository id of the expected host, or the problem with it. */
  repositoryOn(raw: string, host: "azure" | "scm") {
    const id = this.id(raw, "Repository", "repositoryId");
    if (!id || id.host === host) return id;
    this.fail(
      "repositoryId",
      `This repository is not hosted on ${host === "azure" ? "Azure DevOps" : "SCM-Manager"}.`,
    );
    return undefined;
  }

  /** Each id of a bulk list: decoded, or the problem with it (reported per item, not for the whole). */
  idsOf<T extends GlobalId["type"]>(raws: readonly string[], type: T, field: string, indexed = true) {
    if (raws.length === 0) this.fail(field, "Give at least one id.");
    if (raws.length > 100) this.fail(field, "Give at most 100 ids.");
    return raws.map((raw, i) => {
      const item = new InputCheck();
      return item.id(raw, type, indexed ? `${field}[${i}]` : field) ?? item.problems[0]!;
    });
  }

  text(value: string | null | undefined, field: string, max: number, min = 0): void {
    if (value == null) return;
    if (value.length < min || value.length > max)
      this.fail(field, min > 0 ? `Give ${min} to ${max} characters.` : `Give at most ${max} characters.`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
      this.fail(field, "Control characters are not allowed.");
  }

  /** A GUID, or a list of at most `max` of them. */
  guids(values: string | readonly string[] | null | undefined, field: string, max = 1): void {
    if (values == null) return;
    const list = typeof values === "string" ? [values] : values;
    if (list.length > max) this.fail(field, `Give at most ${max} ids.`);
    else if (!list.every(isGuid)) this.fail(field, "Give GUIDs, e.g. 6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c.");
  }

  /** One of the words given. */
  oneOf(value: string | null | undefined, field: string, words: readonly string[]): void {
    if (value != null && !words.includes(value)) this.fail(field, `Give ${words.join(", ")}.`);
  }

  range(value: number | null | undefined, field: string, min: number, max: number): void {
    if (value != null && (!Number.isInteger(value) || value < min || value > max))
      this.fail(field, `Give a whole number from ${min} to ${max}.`);
  }

  schedule(schedule: BackupScheduleInput | null | undefined, field: string): void {
    if (!schedule) return;
    if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(schedule.startTime))
      this.fail(`${field}.startTime`, "Give a time of day as HH:mm, 00:00 to 23:59.");
    this.range(schedule.intervalHours, `${field}.intervalHours`, 1, 23);
    this.range(schedule.dayOfMonth, `${field}.dayOfMonth`, 1, 31);
    schedule.daysOfWeek?.forEach((day, i) => this.range(day, `${field}.daysOfWeek[${i}]`, 0, 6));
    if (schedule.frequency === "HOURLY" && schedule.intervalHours == null)
      this.fail(`${field}.intervalHours`, "An hourly schedule needs intervalHours.");
    if (schedule.frequency === "WEEKLY" && !schedule.daysOfWeek?.length)
      this.fail(`${field}.daysOfWeek`, "A weekly schedule needs at least one day.");
    if (schedule.frequency === "MONTHLY" && schedule.dayOfMonth == null)
      this.fail(`${field}.dayOfMonth`, "A monthly schedule needs dayOfMonth.");
    this.text(schedule.timeZone, `${field}.timeZone`, 64);
  }

  azureRepositoryName(name: string | null | undefined, field: string): void {
    if (name == null) return;
    this.text(name, field, 64, 1);
    if (/[\t\r\n]/.test(name)) this.fail(field, "Tabs and line breaks are not allowed in a name.");
    if (/[\\/:*?"<>|;#${},+=[\]]|^[._]|\.$/.test(name))
      this.fail(
        field,
        'A name may not contain \\ / : * ? " < > | ; # $ { } , + = [ ], start with . or _, or end with a dot.',
      );
  }

  scmRepositoryName(name: string, field: string): void {
    this.text(name, field, 255, 1);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(name))
      this.fail(field, "Use letters, digits, . _ - and / between parts.");
  }

  permissions(permissions: readonly ScmPermissionInput[] | null | undefined, field: string): void {
    if (!permissions) return;
    if (permissions.length > 200) this.fail(field, "Give at most 200 permissions.");
    permissions.forEach((p, i) => {
      this.text(p.name, `${field}[${i}].name`, 128, 1);
      if (!["READ", "WRITE", "OWNER"].includes(p.type))
        this.fail(`${field}[${i}].type`, "Give READ, WRITE or OWNER.");
    });
  }

  properties(properties: readonly PropertyInput[] | null | undefined, field: string): void {
    if (!properties) return;
    if (properties.length > 100) this.fail(field, "Give at most 100 properties.");
    properties.forEach((p, i) => {
      this.text(p.key, `${field}[${i}].key`, 256, 1);
      this.text(p.value, `${field}[${i}].value`, 4096);
    });
  }
}
