/** Localised names of model values, shared by the hover, the status bar and the panel strings. */
import * as vscode from 'vscode';
import type { ApproxWords } from '../core/describe';
import type { PageStatus } from '../core/team/types';
import type { Source, Status } from '../core/types';

export function approxWords(): ApproxWords {
  return { '>': vscode.l10n.t('more than {0}', '{0}'), '<': vscode.l10n.t('nearly {0}', '{0}'), '~': vscode.l10n.t('about {0}', '{0}') };
}

export function statusName(status: Status): string {
  switch (status) {
    case 'suggested': return vscode.l10n.t('suggested');
    case 'accepted': return vscode.l10n.t('accepted');
    case 'rejected': return vscode.l10n.t('rejected');
  }
}

export function sourceName(source: Source): string {
  return source === 'auto' ? vscode.l10n.t('automatic') : vscode.l10n.t('manual');
}

/** A page's review mark (Mark Page In Progress/Done/Reviewed). */
export function pageStatusName(status: PageStatus): string {
  return status === 'done' ? vscode.l10n.t('done') : status === 'reviewed' ? vscode.l10n.t('reviewed') : vscode.l10n.t('in progress');
}
