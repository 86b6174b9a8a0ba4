import { useEffect, useRef } from 'react';
import { commandSchemas } from '../../shared/contract/index.js';
import { LONG_PIN_DIGITS, MAX_PIN_DIGITS } from '../../shared/domain/pin-rules.js';
import { SETTING_KINDS, SETTING_KIND_LABELS, type SettingKind } from '../../shared/domain/setting.js';
import { maxLengthOf } from '../../shared/validation.js';
import { Alert } from '../components/Alert.js';
import { BigButton } from '../components/BigButton.js';
import { ChoiceCards, type Choice } from '../components/ChoiceCards.js';
import { TextField } from '../components/TextField.js';
import { useFocusFirstError } from '../components/useFocusFirstError.js';
import { SetupExpectationsEditor, SetupPrinterField } from './SetupExtras.js';
import { useSetupStore } from './setup-store.js';
import { useAppStore } from '../app-store.js';

const SETUP = commandSchemas['setup.create'].input.shape;

const KIND_CHOICES: Choice<SettingKind>[] = SETTING_KINDS.map((value) => ({ value, label: SETTING_KIND_LABELS[value] }));

const TEMPLATE_CHOICES: Choice<SettingKind>[] = [
  {
    value: 'nursery',
    label: 'Nursery expectations',
    hint: 'Devices go in the office safe and are never used where children are.',
  },
  {
    value: 'school',
    label: 'School expectations',
    hint: 'Devices go to the office; visitors may use them only in the staffroom or office.',
  },
];

/** First run: the setting, its first administrator (who is also the DSL) and the starting expectations. */
export function SetupScreen() {
  const form = useSetupStore((s) => s.form);
  const fieldErrors = useSetupStore((s) => s.fieldErrors);
  const error = useSetupStore((s) => s.error);
  const busy = useSetupStore((s) => s.busy);
  const setField = useSetupStore((s) => s.setField);
  const setKind = useSetupStore((s) => s.setKind);
  const setTemplate = useSetupStore((s) => s.setTemplate);
  const submit = useSetupStore((s) => s.submit);
  const loadDefaults = useSetupStore((s) => s.loadDefaults);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    void loadDefaults();
  }, [loadDefaults]);
  useFocusFirstError(formRef, error);

  return (
    <main className="setup">
      <div className="setup-inner">
        <h1 ref={headingRef} tabIndex={-1}>Set up Safe Hands</h1>
        <p className="step-lead">This takes about two minutes. You can change the details later in the staff console.</p>
        {error ? <Alert>{error}</Alert> : null}
        <form
          ref={formRef}
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            // Once the setting exists the app is no longer in first run: its status says so.
            void submit().then((done) => (done ? loadStatus() : undefined));
          }}
        >
          <section className="card form-section" aria-labelledby="setup-setting">
            <h2 id="setup-setting">Your setting</h2>
            <TextField label="Setting name" hint="As visitors know it, for example Little Acorns Nursery."
              value={form.settingName} onChange={(v) => setField('settingName', v)}
              error={fieldErrors.settingName} autoCapitalize="words" maxLength={maxLengthOf(SETUP.settingName)} />
            <ChoiceCards legend="What kind of setting is it?" layout="pair" choices={KIND_CHOICES}
              value={form.settingKind} onChange={setKind} error={fieldErrors.settingKind} />
          </section>

          <section className="card form-section" aria-labelledby="setup-you">
            <h2 id="setup-you">You</h2>
            <TextField label="Your name"
              hint="You will be the first administrator, and also the Designated Safeguarding Lead (DSL) until you add another. Staff see this name when they unlock the console."
              value={form.adminName} onChange={(v) => setField('adminName', v)}
              error={fieldErrors.adminName} autoCapitalize="words" maxLength={maxLengthOf(SETUP.adminName)} />
            <div className="field-pair">
              <TextField label="Choose a PIN" hint={`${LONG_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits, as the DSL and administrators need. You will use it to unlock the staff console.`}
                type="password" inputMode="numeric" autoComplete="new-password" maxLength={MAX_PIN_DIGITS}
                value={form.pin} onChange={(v) => setField('pin', v)} error={fieldErrors.pin} />
              <TextField label="Type the PIN again" hint="So we know it was typed as you meant."
                type="password" inputMode="numeric" autoComplete="new-password" maxLength={MAX_PIN_DIGITS}
                value={form.pinAgain} onChange={(v) => setField('pinAgain', v)} error={fieldErrors.pinAgain} />
            </div>
          </section>

          <section className="card form-section" aria-labelledby="setup-expectations">
            <h2 id="setup-expectations">Expectations for visitors</h2>
            <ChoiceCards legend="Which default expectations do you want to start from?" layout="pair"
              hint="Visitors read and accept these when they sign in. Your DSL can edit them at any time."
              choices={TEMPLATE_CHOICES} value={form.expectationsTemplate} onChange={setTemplate}
              error={fieldErrors.expectationsTemplate} />
            <SetupExpectationsEditor />
          </section>

          <SetupPrinterField />

          <div className="form-submit">
            <BigButton type="submit" disabled={busy}>{busy ? 'Setting up…' : 'Finish setup'}</BigButton>
          </div>
        </form>
      </div>
    </main>
  );
}
