/** Whether `timeZone` is an IANA zone this runtime knows (an unknown one would make every clock reading throw). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
