import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, installFakeApi, kioskConfig, kioskHandlers, POLICY_VERSION_ID } from '../../../helpers/fake-api.js';
import { renderApp, textboxNamed } from '../../../helpers/harness.js';

const signedIn = { visitId: 11, firstName: 'Amira', devicesToHandIn: 0, badgeCode: null };
const AGREE = 'I have read and will follow these';

// jsdom lays nothing out and paints no canvas: the pad is shown 500 × 150 pixels at the page's corner (half
// its own 1000 × 300 box, so each pixel is two of its units), and the drawing itself is not looked at here.
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue(
    { x: 0, y: 0, left: 0, top: 0, width: 500, height: 150, right: 500, bottom: 150, toJSON: () => ({}) },
  );
});

function pad(): HTMLElement {
  return screen.getByRole('img', { name: 'Signature box: sign your name here with your finger' });
}

/** One stroke as a finger draws it: down, through each point, up. */
function draw(points: [number, number][], pointerType = 'touch'): void {
  const [first, ...rest] = points;
  fireEvent.pointerDown(pad(), { pointerId: 1, pointerType, button: 0, clientX: first![0], clientY: first![1] });
  for (const [x, y] of rest) fireEvent.pointerMove(pad(), { pointerId: 1, pointerType, clientX: x, clientY: y });
  fireEvent.pointerUp(pad(), { pointerId: 1, pointerType, clientX: rest.at(-1)?.[0] ?? first![0], clientY: rest.at(-1)?.[1] ?? first![1] });
}

async function toExpectations(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Sign in' }));
  await user.type(textboxNamed('First name'), 'Amira');
  await user.type(textboxNamed('Surname'), 'Khan');
  await user.click(screen.getByRole('radio', { name: 'Contractor' }));
  await user.type(textboxNamed('Who are you visiting, or why are you here?'), 'Fixing the boiler');
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

function agree(): HTMLButtonElement {
  return screen.getByRole('button', { name: AGREE }) as HTMLButtonElement;
}

describe('the signature box on the expectations screen', () => {
  it('waits for a signature before "I agree", clears it, and sends the strokes drawn with the sign-in', async () => {
    const api = installFakeApi({ ...kioskHandlers(kioskConfig({ askForSignature: true })), 'visit.signInNew': () => signedIn });
    const { user } = renderApp();
    await toExpectations(user);

    expect(screen.getByRole('heading', { level: 2, name: 'Sign to say you agree' })).toBeTruthy();
    // Someone who cannot draw on the screen is told what to do, and the box says so too.
    expect(pad().getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/If you cannot sign on the screen, please ask at the office/)).toBeTruthy();
    expect(screen.getByText('Nothing signed yet.')).toBeTruthy();
    expect(agree().disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Clear' }) as HTMLButtonElement).disabled).toBe(true);

    // A tap is not a signature.
    draw([[250, 75]]);
    expect(agree().disabled).toBe(true);
    expect(screen.getByText('Keep going: sign your name in full or your initials.')).toBeTruthy();

    draw([[50, 100], [150, 100], [250, 60]]);
    expect(agree().disabled).toBe(false);
    expect(screen.getByText('Signed. Tap “Clear” to sign again.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(agree().disabled).toBe(true);
    expect(screen.getByText('Nothing signed yet.')).toBeTruthy();

    // With a mouse this time: only the left button draws.
    fireEvent.pointerDown(pad(), { pointerId: 2, pointerType: 'mouse', button: 2, clientX: 10, clientY: 10 });
    expect(agree().disabled).toBe(true);
    draw([[50, 100], [150, 100], [250, 60]], 'mouse');
    await user.click(agree());
    expect(screen.getByRole('heading', { level: 1, name: 'Do you have any of these with you?' })).toBeTruthy();

    // Back to the expectations: the signature is still there, as drawn.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(agree().disabled).toBe(false);
    await user.click(agree());
    await user.click(screen.getByRole('button', { name: 'I have none of these' }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Amira." })).toBeTruthy();
    // Pixels become the box's units: 50,100 on a 500 × 150 pad is 100,200 in the 1000 × 300 box.
    expect(api.inputsOf('visit.signInNew')).toMatchObject([{ policyVersionId: POLICY_VERSION_ID, signature: 'M100 200L300 200L500 120' }]);
  });

  it('asks for a signature when the setting was switched on after the kiosk read it', async () => {
    let asking = false;
    const api = installFakeApi({
      'app.status': kioskHandlers()['app.status'],
      'kiosk.config': () => kioskConfig({ askForSignature: asking }),
      'visit.signInNew': (input) => (input.signature ? signedIn
        : fail('stale_policy', 'Please sign your name with your finger in the box under the expectations, then tap "I have read and will follow these".')),
    });
    const { user } = renderApp();
    await toExpectations(user);
    expect(screen.queryByRole('heading', { name: 'Sign to say you agree' })).toBeNull();
    await user.click(agree());
    asking = true;
    await user.click(screen.getByRole('button', { name: 'I have none of these' }));

    expect(await screen.findByText(/Please sign your name with your finger in the box/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Sign to say you agree' })).toBeTruthy();
    expect(agree().disabled).toBe(true);
    draw([[50, 100], [150, 100], [250, 60]]);
    await user.click(agree());
    await user.click(screen.getByRole('button', { name: 'I have none of these' }));
    expect(await screen.findByRole('heading', { level: 1, name: "You're signed in, Amira." })).toBeTruthy();
    expect(api.inputsOf('visit.signInNew').map((i) => i.signature)).toEqual([undefined, 'M100 200L300 200L500 120']);
  });
});
