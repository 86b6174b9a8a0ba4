/**
 * Loss and damage: both policies say the setting accepts no responsibility for loss, theft or damage of
 * devices on site. Once the setting holds devices in its safe, that is no longer the whole story, so every
 * receipt and the kiosk's expectations screen say what the setting does accept for what it holds. An
 * administrator may reword it in Settings; until then this is the line.
 */
export const DEFAULT_LOSS_AND_DAMAGE =
  'Devices handed in are kept locked in the office safe and given back only against their receipt. '
  + 'We cannot accept responsibility for loss, theft or damage to devices you keep with you.';

/** Short enough for the foot of an 80 mm receipt and one paragraph on the kiosk. */
export const MAX_LOSS_AND_DAMAGE = 300;
