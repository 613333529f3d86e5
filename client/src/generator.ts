// `Lync PIC: Generate Skype connectivity script`: a multi-step QuickPick/InputBox wizard over the engine's
// generator (server/src/engine/generate), which also validates every answer as the user types. Called with an
// answers object as its first argument (tests, keybindings), the command skips the UI.
import {
  commands,
  InputBoxValidationSeverity,
  QuickInputButtons,
  Uri,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type InputBox,
  type InputBoxValidationMessage,
  type QuickInput,
  type QuickPick,
  type QuickPickItem,
  type TextDocument,
  type TextEditor,
} from 'vscode';
import {
  type Answers,
  answerWarnings,
  type FieldValidator,
  generateScript,
  type PolicyKind,
  SERVER_VERSION_NAMES,
  SERVER_VERSIONS,
  type ServerVersion,
  splitList,
  splitUserList,
  validateAnswers,
  validateEdgeFqdn,
  validatePolicyName,
  validateProviderIdentity,
  validateSipDomainList,
  validateSiteName,
  validateUserList,
} from '../../server/src/engine';

export const GENERATE_COMMAND = 'lyncPic.generateScript';
const TITLE = 'Lync PIC: Generate Skype connectivity script';
const LAST_ANSWERS_KEY = 'lyncPic.generator.lastAnswers';

/** Thrown out of a step: the user pressed the back button, or closed the wizard (Escape). */
class WizardExit extends Error {
  static readonly back = new WizardExit('back');
  static readonly cancel = new WizardExit('cancel');
}

/** What the wizard needs of VS Code's window: its quick inputs, and whether an editor is open (`window` itself, or a test's). */
export interface WizardWindow {
  createQuickPick<T extends QuickPickItem>(): QuickPick<T>;
  createInputBox(): InputBox;
  readonly activeTextEditor: TextEditor | undefined;
}

/** The answers collected so far (and the defaults they start from). */
export interface State {
  target: ServerVersion;
  edgeFqdn: string;
  sipDomains: string;
  partnerDiscovery: boolean;
  federationAccess: boolean;
  audioVideo: boolean;
  policyKind: PolicyKind;
  siteName: string;
  policyName: string;
  grantTo: string;
  replaceChoice: 'Messenger' | 'Skype' | 'other' | 'none';
  replaceOther: string;
  output: 'open' | 'insert';
}

type Step = (wizard: Wizard, state: State) => Promise<Step | undefined>;

interface PickItem<T> extends QuickPickItem {
  readonly value: T;
}

/** One QuickInput at a time, with a back button from the second step on; Escape cancels the whole wizard. */
class Wizard {
  private current: QuickInput | undefined;
  private readonly history: Step[] = [];

  private constructor(
    readonly ui: WizardWindow,
    private readonly totalSteps: () => number,
  ) {}

  /** Runs the steps from `start`; false when the user cancelled. */
  static async run(ui: WizardWindow, start: Step, state: State, totalSteps: () => number): Promise<boolean> {
    const wizard = new Wizard(ui, totalSteps);
    let step: Step | undefined = start;
    try {
      while (step) {
        wizard.history.push(step);
        try {
          step = await step(wizard, state);
        } catch (exit) {
          if (exit !== WizardExit.back) throw exit;
          wizard.history.pop();
          step = wizard.history.pop();
        }
      }
      return true;
    } catch (exit) {
      if (exit === WizardExit.cancel) return false;
      throw exit;
    } finally {
      wizard.current?.dispose();
    }
  }

  private prepare(input: QuickInput, disposables: Disposable[], reject: (exit: WizardExit) => void): void {
    input.title = TITLE;
    input.step = this.history.length;
    input.totalSteps = Math.max(this.totalSteps(), this.history.length);
    input.ignoreFocusOut = true;
    disposables.push(input.onDidHide(() => reject(WizardExit.cancel)));
    // Replacing the previous input hides it: its listeners are gone by then, so that is not a cancel.
    this.current?.dispose();
    this.current = input;
  }

  /** A single choice. */
  async pick<T>(placeholder: string, items: readonly PickItem<T>[], active: T): Promise<T> {
    const disposables: Disposable[] = [];
    try {
      return await new Promise<T>((resolve, reject) => {
        const input = this.ui.createQuickPick<PickItem<T>>();
        this.prepare(input, disposables, reject);
        input.placeholder = placeholder;
        input.items = items;
        input.activeItems = items.filter((item) => item.value === active);
        input.buttons = this.history.length > 1 ? [QuickInputButtons.Back] : [];
        disposables.push(
          input.onDidTriggerButton((button) => button === QuickInputButtons.Back && reject(WizardExit.back)),
          input.onDidAccept(() => {
            const [item] = input.selectedItems;
            if (item) resolve(item.value);
          }),
        );
        input.show();
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  /** Several choices (checkboxes). */
  async pickMany<T>(placeholder: string, items: readonly PickItem<T>[], selected: readonly T[]): Promise<T[]> {
    const disposables: Disposable[] = [];
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const input = this.ui.createQuickPick<PickItem<T>>();
        this.prepare(input, disposables, reject);
        input.canSelectMany = true;
        input.placeholder = placeholder;
        input.items = items;
        input.selectedItems = items.filter((item) => selected.includes(item.value));
        input.buttons = this.history.length > 1 ? [QuickInputButtons.Back] : [];
        disposables.push(
          input.onDidTriggerButton((button) => button === QuickInputButtons.Back && reject(WizardExit.back)),
          input.onDidAccept(() => resolve(input.selectedItems.map((item) => item.value))),
        );
        input.show();
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }

  /**
   * Free text, validated as the user types: an error blocks Enter; `warn` may add a warning that does not.
   */
  async input(prompt: string, value: string, placeholder: string, validate: FieldValidator, warn?: (value: string) => string | undefined): Promise<string> {
    const disposables: Disposable[] = [];
    const check = (text: string): string | InputBoxValidationMessage | undefined => {
      const error = text.trim() === '' && value === '' ? undefined : validate(text);
      if (error) return error;
      const warning = warn?.(text);
      return warning ? { message: warning, severity: InputBoxValidationSeverity.Warning } : undefined;
    };
    try {
      return await new Promise<string>((resolve, reject) => {
        const input = this.ui.createInputBox();
        this.prepare(input, disposables, reject);
        input.prompt = prompt;
        input.placeholder = placeholder;
        input.value = value;
        input.validationMessage = check(value);
        input.buttons = this.history.length > 1 ? [QuickInputButtons.Back] : [];
        disposables.push(
          input.onDidTriggerButton((button) => button === QuickInputButtons.Back && reject(WizardExit.back)),
          input.onDidChangeValue((text) => (input.validationMessage = check(text))),
          input.onDidAccept(() => {
            const error = validate(input.value);
            if (error) input.validationMessage = error;
            else resolve(input.value.trim());
          }),
        );
        input.show();
      });
    } finally {
      for (const d of disposables) d.dispose();
    }
  }
}

// ---- The steps -----------------------------------------------------------------------------------------------

const yesNoItem = <T>(value: T, label: string, detail: string): PickItem<T> => ({ value, label, detail });

const pickTarget: Step = async (wizard, state) => {
  const items = [...SERVER_VERSIONS].reverse().map((v) => ({ value: v, label: SERVER_VERSION_NAMES[v], description: v }));
  state.target = await wizard.pick('The server version the script runs on', items, state.target);
  return askEdgeFqdn;
};

const askEdgeFqdn: Step = async (wizard, state) => {
  state.edgeFqdn = await wizard.input(
    'The external FQDN of the Access Edge service (the target of the federation SRV records)',
    state.edgeFqdn,
    'sip.contoso.com',
    validateEdgeFqdn,
  );
  return askSipDomains;
};

/** The SIP domain an Access Edge FQDN such as sip.contoso.com suggests (contoso.com). */
function suggestedDomain(edgeFqdn: string): string {
  const labels = edgeFqdn.split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : edgeFqdn;
}

const askSipDomains: Step = async (wizard, state) => {
  const value = state.sipDomains || suggestedDomain(state.edgeFqdn);
  const warn = (text: string): string | undefined =>
    validateSipDomainList(text) ? undefined : answerWarnings({ ...answersOf(state), sipDomains: splitList(text) })[0];
  state.sipDomains = await wizard.input(
    'The SIP domains, separated by commas (one federation SRV record each)',
    value,
    'contoso.com, fabrikam.com',
    validateSipDomainList,
    warn,
  );
  return pickOptions;
};

type Option = 'partnerDiscovery' | 'federationAccess' | 'audioVideo';

const pickOptions: Step = async (wizard, state) => {
  const items: PickItem<Option>[] = [
    yesNoItem(
      'partnerDiscovery',
      'DNS SRV routing with partner discovery',
      'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $true: Skype federation relies on it',
    ),
    yesNoItem('federationAccess', 'Federation access', 'Also allow federation with other organisations in the external access policy'),
    yesNoItem(
      'audioVideo',
      'Audio/video with Skype users',
      'Allow A/V with public providers, and set media encryption to SupportEncryption as the docs require',
    ),
  ];
  const chosen = await wizard.pickMany(
    'Options (Space to toggle, Enter to continue)',
    items,
    (['partnerDiscovery', 'federationAccess', 'audioVideo'] as const).filter((o) => state[o]),
  );
  state.partnerDiscovery = chosen.includes('partnerDiscovery');
  state.federationAccess = chosen.includes('federationAccess');
  state.audioVideo = chosen.includes('audioVideo');
  return pickPolicy;
};

const pickPolicy: Step = async (wizard, state) => {
  const items: PickItem<PolicyKind>[] = [
    { value: 'global', label: 'Global policy', detail: 'Set-CsExternalAccessPolicy -Identity Global: every user without a site or user policy' },
    { value: 'site', label: 'Site policy…', detail: 'Create (when missing) and set the policy of one site' },
    { value: 'user', label: 'User policy…', detail: 'Create (when missing) and set a named policy, and grant it to users' },
  ];
  state.policyKind = await wizard.pick('The external access policy that allows public IM', items, state.policyKind);
  return state.policyKind === 'site' ? askSiteName : state.policyKind === 'user' ? askPolicyName : pickReplace;
};

const askSiteName: Step = async (wizard, state) => {
  state.siteName = await wizard.input('The site name (the policy is site:<name>)', state.siteName, 'Redmond', validateSiteName);
  return pickReplace;
};

const askPolicyName: Step = async (wizard, state) => {
  state.policyName = await wizard.input('The name of the user policy', state.policyName, 'SkypeUsers', validatePolicyName);
  return askGrants;
};

const askGrants: Step = async (wizard, state) => {
  state.grantTo = await wizard.input(
    'Users to grant the policy to, separated by commas (may be left empty)',
    state.grantTo,
    'sip:kenmyer@contoso.com, pilar@contoso.com',
    validateUserList,
  );
  return pickReplace;
};

const pickReplace: Step = async (wizard, state) => {
  const items: PickItem<State['replaceChoice']>[] = [
    { value: 'Messenger', label: 'Messenger', detail: 'Remove the old Messenger PIC provider first (its ProxyFqdn is the one Skype uses)' },
    { value: 'Skype', label: 'Skype', detail: 'Remove an existing Skype provider and create it again (providers cannot be changed in place)' },
    { value: 'other', label: 'Another provider…', detail: 'Remove a public provider by its Identity' },
    { value: 'none', label: 'None', detail: 'No PIC provider exists yet' },
  ];
  state.replaceChoice = await wizard.pick('An existing public provider to remove first (skipped when it does not exist)', items, state.replaceChoice);
  return state.replaceChoice === 'other' ? askReplaceOther : pickOutput;
};

const askReplaceOther: Step = async (wizard, state) => {
  state.replaceOther = await wizard.input('The Identity of the public provider to remove', state.replaceOther, 'LegacyPIC', validateProviderIdentity);
  return pickOutput;
};

const pickOutput: Step = async (wizard, state) => {
  const editor = wizard.ui.activeTextEditor;
  if (!editor) {
    state.output = 'open';
    return undefined;
  }
  const items: PickItem<State['output']>[] = [
    { value: 'open', label: 'Open in a new editor', detail: 'A new untitled PowerShell document' },
    { value: 'insert', label: 'Insert at cursor', detail: `Into ${workspace.asRelativePath(editor.document.uri)}` },
  ];
  state.output = await wizard.pick('Where to put the script', items, state.output);
  return undefined;
};

function totalSteps(state: State, ui: WizardWindow): number {
  const policySteps = state.policyKind === 'site' ? 1 : state.policyKind === 'user' ? 2 : 0;
  return 6 + policySteps + (state.replaceChoice === 'other' ? 1 : 0) + (ui.activeTextEditor ? 1 : 0);
}

/** Runs the wizard from `state`: the answers (checked) and where to put the script, or undefined when cancelled. */
export async function runWizard(
  ui: WizardWindow,
  state: State = defaultState(),
): Promise<{ answers: Answers; output: State['output'] } | { errors: readonly string[] } | undefined> {
  if (!(await Wizard.run(ui, pickTarget, state, () => totalSteps(state, ui)))) return undefined;
  const result = validateAnswers(answersOf(state));
  return 'errors' in result ? result : { answers: result.answers, output: state.output };
}

// ---- State ↔ answers -----------------------------------------------------------------------------------------

function answersOf(state: State): Answers {
  const replace = state.replaceChoice === 'none' ? undefined : state.replaceChoice === 'other' ? state.replaceOther : state.replaceChoice;
  return {
    target: state.target,
    edgeFqdn: state.edgeFqdn,
    sipDomains: splitList(state.sipDomains),
    partnerDiscovery: state.partnerDiscovery,
    federationAccess: state.federationAccess,
    audioVideo: state.audioVideo,
    policy:
      state.policyKind === 'global'
        ? { kind: 'global' }
        : state.policyKind === 'site'
          ? { kind: 'site', name: state.siteName }
          : { kind: 'user', name: state.policyName, grantTo: splitUserList(state.grantTo) },
    ...(replace ? { replace } : {}),
  };
}

/** The answers a first run starts from, for the target version setting (when it names a server version). */
export function defaultState(setting?: string): State {
  return {
    target: SERVER_VERSIONS.find((v) => v === setting) ?? 'sfb2019',
    edgeFqdn: '',
    sipDomains: '',
    partnerDiscovery: true,
    federationAccess: false,
    audioVideo: false,
    policyKind: 'global',
    siteName: '',
    policyName: '',
    grantTo: '',
    replaceChoice: 'Messenger',
    replaceOther: '',
    output: 'open',
  };
}

/** The defaults: the last answers given in this workspace, else the lyncPic.targetVersion setting. */
function initialState(context: ExtensionContext): State {
  const setting = workspace.getConfiguration('lyncPic').get<string>('targetVersion');
  const state = defaultState(setting);
  const last = validateAnswers(context.workspaceState.get<unknown>(LAST_ANSWERS_KEY));
  if (!('answers' in last)) return state;
  const a = last.answers;
  const replaceChoice = a.replace === undefined ? 'none' : a.replace === 'Messenger' || a.replace === 'Skype' ? a.replace : 'other';
  return {
    ...state,
    // An explicit target setting wins over the last run's version.
    target: SERVER_VERSIONS.find((v) => v === setting) ?? a.target,
    edgeFqdn: a.edgeFqdn,
    sipDomains: a.sipDomains.join(', '),
    partnerDiscovery: a.partnerDiscovery,
    federationAccess: a.federationAccess,
    audioVideo: a.audioVideo,
    policyKind: a.policy.kind,
    siteName: a.policy.kind === 'site' ? a.policy.name : '',
    policyName: a.policy.kind === 'user' ? a.policy.name : '',
    grantTo: a.policy.kind === 'user' ? a.policy.grantTo.join(', ') : '',
    replaceChoice,
    replaceOther: replaceChoice === 'other' ? (a.replace ?? '') : '',
  };
}

// ---- The command ---------------------------------------------------------------------------------------------

async function openScript(script: string): Promise<TextDocument> {
  const document = await workspace.openTextDocument({ language: 'powershell', content: script });
  await window.showTextDocument(document, { preview: false });
  return document;
}

async function insertScript(editor: TextEditor, script: string): Promise<TextDocument> {
  await editor.edit((edit) => edit.replace(editor.selection, script));
  return editor.document;
}

/** A plain object is answers; the editor context menu passes the document's Uri, the palette nothing. */
function isAnswersArgument(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) && !(arg instanceof Uri);
}

async function generate(context: ExtensionContext, arg: unknown): Promise<TextDocument | undefined> {
  if (isAnswersArgument(arg)) {
    const result = validateAnswers(arg);
    if ('errors' in result) {
      // Not awaited: the message stays until dismissed, and callers (tests, keybindings) must not hang on it.
      void window.showErrorMessage(`Lync PIC: the script was not generated. ${result.errors.join(' ')}`);
      return undefined;
    }
    return openScript(generateScript(result.answers));
  }
  const result = await runWizard(window, initialState(context));
  if (!result) return undefined;
  if ('errors' in result) {
    void window.showErrorMessage(`Lync PIC: the script was not generated. ${result.errors.join(' ')}`);
    return undefined;
  }
  await context.workspaceState.update(LAST_ANSWERS_KEY, result.answers);
  const script = generateScript(result.answers);
  const editor = window.activeTextEditor;
  return result.output === 'insert' && editor ? insertScript(editor, script) : openScript(script);
}

/** Registers `lyncPic.generateScript`; call it before the language client starts, so it works while the server is slow. */
export function registerGeneratorCommand(context: ExtensionContext): void {
  context.subscriptions.push(commands.registerCommand(GENERATE_COMMAND, (arg?: unknown) => generate(context, arg)));
}
