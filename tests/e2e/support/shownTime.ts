/**
 * `label` followed by a time as the outlet app shows it in the outlet's zone: "11:47 pm", or with its day when
 * that is not today ("Mon, 7 Dec, 12:02 am"), as every time past midnight is (shared/catalog/openingHours.ts).
 * A test that takes "for 1 hour" or "15 minutes" from now crosses midnight when it runs late in the evening.
 */
export const shownTime = (label: string): RegExp => new RegExp(`${label}\\s*(?:\\w{3}, \\d{1,2} \\w{3}, )?\\d{1,2}:\\d{2}`);
