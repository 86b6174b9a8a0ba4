/** How often the console re-reads what changes under it (the kiosk signs people in and out meanwhile). */
export const REFRESH_SECONDS = 15;
