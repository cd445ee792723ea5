/** Shows a toast for every due reminder (filled in by the activities feature); mounted once in the shell. */
export function ReminderToasts() {
  return null;
}
