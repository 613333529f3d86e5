// The generator's wizard, step by step, in VS Code's extension host: the real wizard (client/src/generator.ts) over
// scripted quick inputs. VS Code has no command that types into a quick input, so the inputs are stand-ins that the
// test fills and accepts the way a user would (typing fires onDidChangeValue, Enter onDidAccept, the back button
// onDidTriggerButton, Escape onDidHide).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runWizard, type WizardWindow } from '../../../client/src/generator';

/** A quick pick or input box as the wizard sets it up, with the events a user's actions fire. */
class ScriptedInput {
  title: string | undefined;
  step: number | undefined;
  totalSteps: number | undefined;
  ignoreFocusOut = false;
  placeholder: string | undefined;
  prompt: string | undefined;
  value = '';
  validationMessage: string | vscode.InputBoxValidationMessage | undefined;
  buttons: readonly vscode.QuickInputButton[] = [];
  canSelectMany = false;
  items: readonly (vscode.QuickPickItem & { value: unknown })[] = [];
  activeItems: readonly (vscode.QuickPickItem & { value: unknown })[] = [];
  selectedItems: readonly (vscode.QuickPickItem & { value: unknown })[] = [];
  disposed = false;
  private readonly accepted = new vscode.EventEmitter<void>();
  private readonly hidden = new vscode.EventEmitter<void>();
  private readonly triggered = new vscode.EventEmitter<vscode.QuickInputButton>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidAccept = this.accepted.event;
  readonly onDidHide = this.hidden.event;
  readonly onDidTriggerButton = this.triggered.event;
  readonly onDidChangeValue = this.changed.event;

  constructor(
    readonly kind: 'pick' | 'input',
    private readonly shown: (input: ScriptedInput) => void,
  ) {}

  show(): void {
    this.shown(this);
  }

  dispose(): void {
    this.disposed = true;
  }

  type(text: string): this {
    this.value = text;
    this.changed.fire(text);
    return this;
  }

  enter(): void {
    this.accepted.fire();
  }

  /** Selects the items with these values (one for a single choice) and presses Enter. */
  choose(...values: unknown[]): void {
    this.selectedItems = this.items.filter((item) => values.includes(item.value));
    assert.equal(this.selectedItems.length, values.length, `no item for ${values.join(', ')}`);
    this.enter();
  }

  back(): void {
    assert.ok(this.buttons.includes(vscode.QuickInputButtons.Back), 'this step has no back button');
    this.triggered.fire(vscode.QuickInputButtons.Back);
  }

  escape(): void {
    this.hidden.fire();
  }

  get values(): unknown[] {
    return this.items.map((item) => item.value);
  }
}

/** The window the wizard sees: no editor open, and quick inputs that the test drives one at a time. */
class ScriptedWindow implements WizardWindow {
  readonly activeTextEditor = undefined;
  readonly inputs: ScriptedInput[] = [];
  private waiting: ((input: ScriptedInput) => void) | undefined;
  private unclaimed: ScriptedInput | undefined;

  createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> {
    return this.create('pick') as unknown as vscode.QuickPick<T>;
  }

  createInputBox(): vscode.InputBox {
    return this.create('input') as unknown as vscode.InputBox;
  }

  /** The next input the wizard shows. */
  next(kind: ScriptedInput['kind']): Promise<ScriptedInput> {
    return new Promise<ScriptedInput>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the wizard showed no ${kind}`)), 5_000);
      const take = (input: ScriptedInput): void => {
        clearTimeout(timer);
        // (Rejected rather than thrown: a throw here would land in the wizard's show(), not in the test.)
        if (input.kind === kind) resolve(input);
        else reject(new Error(`the wizard showed a ${input.kind}, not a ${kind}`));
      };
      if (this.unclaimed) take(this.unclaimed);
      else this.waiting = take;
      this.unclaimed = undefined;
    });
  }

  private create(kind: ScriptedInput['kind']): ScriptedInput {
    const input = new ScriptedInput(kind, (shown) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (waiting) waiting(shown);
      else this.unclaimed = shown;
    });
    this.inputs.push(input);
    return input;
  }
}

suite('lync-pic generator wizard, step by step', () => {
  test('asks each question in turn, refuses a wrong answer as it is typed, goes back, and returns the answers', async () => {
    const ui = new ScriptedWindow();
    const done = runWizard(ui);

    const target = await ui.next('pick');
    assert.equal(target.step, 1);
    assert.equal(target.buttons.length, 0, 'no back button on the first step');
    assert.deepEqual(
      target.activeItems.map((i) => i.value),
      ['sfb2019'],
      'the default target is active',
    );
    assert.deepEqual(target.values, ['sfbse', 'sfb2019', 'sfb2015', 'lync2013', 'lync2010']);
    target.choose('sfb2015');

    const edge = await ui.next('input');
    assert.match(edge.prompt ?? '', /Access Edge/);
    assert.equal(edge.validationMessage, undefined, 'an empty first answer is not an error yet');
    assert.equal(typeof edge.type('not an fqdn').validationMessage, 'string', 'an error as soon as it is typed');
    edge.enter();
    edge.type('sip.contoso.com');
    assert.equal(edge.validationMessage, undefined);
    edge.enter();

    const domains = await ui.next('input');
    assert.equal(domains.value, 'contoso.com', 'the SIP domain the edge FQDN suggests');
    assert.equal(ui.inputs.filter((i) => i.kind === 'input').length, 2, 'Enter on a wrong answer did not move on');
    domains.enter();

    const options = await ui.next('pick');
    assert.equal(options.canSelectMany, true);
    assert.deepEqual(
      options.selectedItems.map((i) => i.value),
      ['partnerDiscovery'],
    );
    options.choose('partnerDiscovery', 'audioVideo');

    const policy = await ui.next('pick');
    assert.equal(policy.totalSteps, 6, 'six questions: with no editor open, none on where to put the script');
    policy.choose('user');

    const policyName = await ui.next('input');
    assert.equal(policyName.step, 6);
    assert.equal(policyName.totalSteps, 8, 'a user policy adds two questions');
    policyName.type('SkypeUsers').enter();

    const grants = await ui.next('input');
    grants.enter();

    const replace = await ui.next('pick');
    assert.equal(replace.step, 8);
    replace.back();
    const grantsAgain = await ui.next('input');
    assert.equal(grantsAgain.step, 7, 'back to the users question');
    grantsAgain.type('kenmyer@contoso.com').enter();

    const replaceAgain = await ui.next('pick');
    assert.equal(replaceAgain.activeItems[0]?.value, 'Messenger', 'Messenger is the default provider to replace');
    replaceAgain.choose('other');

    const other = await ui.next('input');
    assert.equal(other.totalSteps, 9);
    other.type('LegacyPIC').enter();

    assert.deepEqual(await done, {
      output: 'open',
      answers: {
        target: 'sfb2015',
        edgeFqdn: 'sip.contoso.com',
        sipDomains: ['contoso.com'],
        partnerDiscovery: true,
        federationAccess: false,
        audioVideo: true,
        policy: { kind: 'user', name: 'SkypeUsers', grantTo: ['kenmyer@contoso.com'] },
        replace: 'LegacyPIC',
      },
    });
    assert.ok(
      ui.inputs.every((input) => input.disposed),
      'every input is disposed at the end',
    );
  });

  test('Escape at any step cancels the whole wizard', async () => {
    const ui = new ScriptedWindow();
    const done = runWizard(ui);
    (await ui.next('pick')).choose('sfb2019');
    (await ui.next('input')).type('sip.contoso.com').enter();
    (await ui.next('input')).escape();
    assert.equal(await done, undefined);
    assert.ok(ui.inputs.every((input) => input.disposed));
  });
});
