import type { StepInput } from '../../../../shared/contract/campaigns';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { parseTemplate } from './channels/merge-fields';

/** Every template of a journey must parse (known merge fields, balanced braces) before it is saved: a typo is caught here, not in 10,000 inboxes. */
export function checkStepTemplates(steps: readonly StepInput[]): void {
  const issues: ErrorIssue[] = [];
  const check = (text: string | null | undefined, path: string) => {
    if (!text) return;
    try {
      parseTemplate(text, path);
    } catch (error) {
      if (error instanceof CrmError) issues.push({ path, message: error.message });
      else throw error;
    }
  };
  steps.forEach((step, i) => {
    const at = `steps.${i}`;
    if (step.channel === 'email') {
      step.variants.forEach((v, j) => {
        check(v.subject, `${at}.variants.${j}.subject`);
        check(v.html, `${at}.variants.${j}.html`);
        check(v.text, `${at}.variants.${j}.text`);
      });
    } else if (step.channel === 'sms') {
      step.variants.forEach((v, j) => check(v.text, `${at}.variants.${j}.text`));
    } else if (step.channel === 'letter') {
      check(step.subject, `${at}.subject`);
      check(step.body, `${at}.body`);
    } else {
      check(step.script, `${at}.script`);
    }
  });
  if (issues.length) throw new CrmError('validation', `Step ${Number(issues[0]!.path.split('.')[1]) + 1}: ${issues[0]!.message}`, issues);
}
