import { FormControl, FormGroup, Validators } from '@angular/forms';
import { applyFieldErrors, focusFirstInvalid } from './field-errors';

function signUpForm() {
  return new FormGroup({
    email: new FormControl('sao@demo.convergence.ma', { nonNullable: true }),
    displayName: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    hectares: new FormControl('12', { nonNullable: true }),
  });
}

describe('applyFieldErrors', () => {
  it('puts each message under its control, touched, and keeps what was typed', () => {
    const form = signUpForm();

    const unmatched = applyFieldErrors(form.controls, [
      { field: 'email', message: 'Un compte utilise déjà cette adresse e-mail.' },
    ]);

    expect(unmatched).toEqual([]);
    expect(form.controls.email.getError('server')).toBe('Un compte utilise déjà cette adresse e-mail.');
    expect(form.controls.email.touched).toBe(true);
    expect(form.controls.email.value).toBe('sao@demo.convergence.ma');
    expect(form.controls.hectares.touched).toBe(false);
  });

  it('keeps the errors the control already has', () => {
    const form = signUpForm();

    applyFieldErrors(form.controls, [{ field: 'displayName', message: 'Trop long.' }]);

    expect(form.controls.displayName.errors).toEqual({ required: true, server: 'Trop long.' });
  });

  it('follows the aliases of fields the form names differently', () => {
    const form = signUpForm();

    const unmatched = applyFieldErrors(
      form.controls,
      [{ field: 'keyFigures.hectares', message: 'Au plus 2 décimales.' }],
      { aliases: { 'keyFigures.hectares': 'hectares' } },
    );

    expect(unmatched).toEqual([]);
    expect(form.controls.hectares.getError('server')).toBe('Au plus 2 décimales.');
  });

  it('returns the messages that found no control, and touches nothing for them', () => {
    const form = signUpForm();
    const territory = { field: 'territoryCode', message: 'Territoire inconnu.' };
    const inherited = { field: 'constructor', message: 'Pas un champ.' };

    const unmatched = applyFieldErrors(form.controls, [
      territory,
      { field: 'email', message: 'Adresse invalide.' },
      inherited,
    ]);

    expect(unmatched).toEqual([territory, inherited]);
    expect(form.touched).toBe(true);
    expect(form.controls.displayName.touched).toBe(false);
  });

  it('works with standalone controls gathered by hand', () => {
    const note = new FormControl('', { nonNullable: true });

    applyFieldErrors({ note }, [{ field: 'note', message: 'Motif requis.' }]);

    expect(note.getError('server')).toBe('Motif requis.');
    expect(note.touched).toBe(true);
  });
});

describe('focusFirstInvalid', () => {
  let host: HTMLElement;

  beforeEach(() => {
    host = document.createElement('form');
    host.innerHTML = `
      <input formcontrolname="email" />
      <input formcontrolname="displayName" />
      <input formcontrolname="hectares" />`;
    document.body.append(host);
  });

  afterEach(() => host.remove());

  const input = (name: string) => host.querySelector(`[formcontrolname="${name}"]`);

  it('focuses the first invalid control in the form, as the controls say, before any rendering', () => {
    const form = signUpForm();
    form.controls.displayName.setValue('Youssef Bennani');
    applyFieldErrors(form.controls, [
      { field: 'hectares', message: 'Au plus 2 décimales.' },
      { field: 'email', message: 'Un compte utilise déjà cette adresse e-mail.' },
    ]);

    focusFirstInvalid(host, form.controls);

    expect(document.activeElement).toBe(input('email'));
  });

  it('passes over an invalid control that is not shown', () => {
    const form = signUpForm();
    input('displayName')?.remove();
    form.controls.hectares.setErrors({ server: 'Au plus 2 décimales.' });

    focusFirstInvalid(host, form.controls);

    expect(document.activeElement).toBe(input('hectares'));
  });

  it('leaves the focus where it is when every control is valid', () => {
    const form = signUpForm();
    form.controls.displayName.setValue('Youssef Bennani');
    const button = document.createElement('button');
    host.append(button);
    button.focus();

    focusFirstInvalid(host, form.controls);

    expect(document.activeElement).toBe(button);
  });
});
