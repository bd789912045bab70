/** The menu entry whose path is the longest prefix of the location ("/" only on the dashboard itself). */
export function selectedKey(keys: string[], pathname: string): string {
  return (
    keys
      .filter((k) => (k === "/" ? pathname === "/" : pathname === k || pathname.startsWith(`${k}/`)))
      .sort((a, b) => b.length - a.length)[0] ?? "/"
  );
}
