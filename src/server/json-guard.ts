/** How deep JSON may nest in a request: far past any real variables, far short of a stack overflow. */
export const maxJsonDepth = 64;

/**
 * Whether JSON text nests deeper than `max` arrays or objects, found in one linear pass before
 * anything parses or walks it (recursive code further on would overflow the stack on 9,000 levels).
 */
export function nestsTooDeep(text: string, max = maxJsonDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
