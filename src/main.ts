/**
 * The Apps Script entry: everything Sheets or google.script.run may call by name. The build wraps
 * this module in one IIFE (global `OkrKpi`) and writes a top-level function per name below.
 */

import { COMPANY_TEXTS } from './core/company';
import { type Lang, langOf } from './core/i18n';
import { type Arg, invoke } from './functions/define';
import { registry } from './functions/registry';
import { checkIn, checkInState, setOwnerFilter } from './server/checkin';
import { addCompanyTeam, companyState, refreshCompany } from './server/company';
import { refreshDashboard } from './server/dashboard';
import { healthState, repairSheet } from './server/health';
import { insertKpis, insertOptions, insertQuarter } from './server/insert';
import { rollKpis } from './server/kpis';
import { linkKpis, liveOnOpen, recordLiveValues, recordOnOpen, setLiveOnOpen } from './server/live';
import { LIVE_TEXTS } from './server/live-texts';
import {
  discardReviewAnswers,
  finishReview,
  reopenQuarter,
  reviewState,
  saveReviewStep,
} from './server/review';
import { addKeyResult, addObjective, objectiveAtCursor } from './server/rows';
import { selectRow } from './server/select';
import { alignmentTreeState, goToObjective } from './server/tree';
import { DASHBOARD_TEXTS } from './sheets/dashboard-texts';
import { sheetsEnv } from './sheets/env';
import { UI } from './ui/texts';

type CustomFunction = (...args: Arg[]) => ReturnType<typeof invoke>;

/** The custom functions, by name, as Sheets calls them. */
export const functions: Record<string, CustomFunction> = Object.fromEntries(
  registry.map((spec) => [spec.name, (...args: Arg[]) => invoke(spec, args, sheetsEnv)]),
);

/** The menu's language. In AuthMode.NONE the spreadsheet can't be read: the user's locale, or English. */
function menuLang(): Lang {
  for (const read of [
    () => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale(),
    () => Session.getActiveUserLocale(),
  ]) {
    try {
      const locale = read();
      if (locale) return langOf(locale);
    } catch {
      // not allowed in this auth mode: try the next source
    }
  }
  return 'en';
}

/** Simple triggers. */
export const triggers = {
  onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
    const lang = menuLang();
    const t = UI[lang];
    const live = LIVE_TEXTS[lang];
    SpreadsheetApp.getUi()
      .createAddonMenu()
      .addItem(t.insertQuarter, 'showInsertQuarter')
      .addItem(t.insertKpis, 'showInsertKpis')
      .addSeparator()
      .addItem(t.addObjective, 'showAddObjective')
      .addItem(t.addKr, 'showAddKr')
      .addSeparator()
      .addItem(t.checkIn, 'showCheckIn')
      .addItem(t.health, 'showHealth')
      .addItem(t.review, 'showReview')
      .addItem(t.reopen, 'showReopen')
      .addSeparator()
      .addItem(live.menuRecord, 'menuRecordLiveValues')
      .addItem(live.menuAuto, 'menuToggleLiveOnOpen')
      .addItem(live.menuLink, 'menuLinkKpis')
      .addSeparator()
      .addItem(DASHBOARD_TEXTS[lang].menu, 'showDashboard')
      .addItem(t.tree, 'showAlignmentTree')
      .addItem(COMPANY_TEXTS[lang].menu, 'showCompany')
      .addSeparator()
      .addItem(t.reference, 'showFunctionReference')
      .addToUi();
    // after the menu: live values, when the file asks for it and the auth mode lets it write
    recordOnOpen(e);
  },
  onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
    triggers.onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
  },
};

function showPage(
  page: string,
  title: string,
  kind: 'sidebar' | 'dialog' | 'modeless',
  height = 560,
  width = 460,
): void {
  const html = HtmlService.createHtmlOutputFromFile(page).setTitle(title);
  if (kind === 'sidebar') SpreadsheetApp.getUi().showSidebar(html);
  else if (kind === 'dialog')
    SpreadsheetApp.getUi().showModalDialog(html.setWidth(width).setHeight(height), title);
  else SpreadsheetApp.getUi().showModelessDialog(html.setWidth(width).setHeight(height), title);
}

/** Runs a menu action; a refusal is said in an alert (a menu item has no sidebar to show it in). */
function tellIfRefused(action: () => unknown): void {
  try {
    action();
  } catch (e) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(UI[menuLang()].menuTitle, (e as Error).message, ui.ButtonSet.OK);
  }
}

/** Menu items, by handler name. */
export const menu = {
  showInsertQuarter(): void {
    showPage('insert-quarter', UI[menuLang()].insertQuarter.replace('…', ''), 'dialog');
  },
  showInsertKpis(): void {
    showPage('insert-kpis', UI[menuLang()].insertKpis.replace('…', ''), 'dialog');
  },
  showCheckIn(): void {
    showPage('checkin', UI[menuLang()].menuTitle, 'sidebar');
  },
  showHealth(): void {
    showPage('health', UI[menuLang()].menuTitle, 'sidebar');
  },
  showReview(): void {
    showPage('review', UI[menuLang()].menuTitle, 'sidebar');
  },
  /** A new objective below the data, its title cell selected for typing. */
  showAddObjective(): void {
    tellIfRefused(() => addObjective());
  },
  /** A new key result under the objective of the row the user is on. */
  showAddKr(): void {
    const t = UI[menuLang()];
    tellIfRefused(() => {
      const id = objectiveAtCursor();
      if (!id) throw new Error(t.pickObjective);
      return addKeyResult({ objectiveId: id });
    });
  },
  /**
   * Reopening lifts a closing on purpose: the review sidebar opens on the quarter, where the
   * finished review says what reopening does and asks first (no blocking alert).
   */
  showReopen(): void {
    showPage('review', UI[menuLang()].menuTitle, 'sidebar');
  },
  /** Modeless: a click on an objective selects its row, and the tree stays open beside the sheet. */
  showAlignmentTree(): void {
    showPage('tree', UI[menuLang()].tree, 'modeless', 600, 680);
  },
  /** The Dashboard sheet, made or refreshed, and shown. */
  showDashboard(): void {
    tellIfRefused(() => refreshDashboard());
  },
  /** The company rollup: team spreadsheets in, one Company sheet out. */
  showCompany(): void {
    showPage('company', COMPANY_TEXTS[menuLang()].title, 'dialog', 520);
  },
  /** Live KRs' values logged now; what was recorded, unchanged or not a number said in a toast. */
  menuRecordLiveValues(): void {
    tellIfRefused(() => {
      const r = recordLiveValues();
      SpreadsheetApp.getActiveSpreadsheet().toast(r.message, LIVE_TEXTS[menuLang()].menuRecord, 10);
    });
  },
  menuToggleLiveOnOpen(): void {
    tellIfRefused(() => {
      const r = setLiveOnOpen({ on: !liveOnOpen() });
      SpreadsheetApp.getActiveSpreadsheet().toast(r.message, LIVE_TEXTS[menuLang()].menuRecord, 8);
    });
  },
  /** KPIs linked to the KRs they name; a KR holding its own value is replaced only after a yes. */
  menuLinkKpis(): void {
    const lang = menuLang();
    tellIfRefused(() => {
      let r = linkKpis();
      if (r.confirm) {
        const ui = SpreadsheetApp.getUi();
        if (ui.alert(LIVE_TEXTS[lang].menuLink, r.confirm, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
        r = linkKpis({ confirm: true });
      }
      SpreadsheetApp.getActiveSpreadsheet().toast(r.message, LIVE_TEXTS[lang].menuLink, 8);
    });
  },
  showFunctionReference(): void {
    const lang = menuLang();
    const list = registry.map((f) => `${f.name}: ${f.summary[lang]}`).join('\n');
    SpreadsheetApp.getUi().alert(UI[lang].reference, list, SpreadsheetApp.getUi().ButtonSet.OK);
  },
};

/** google.script.run endpoints, by name. */
export const endpoints = {
  getInsertOptions: () => insertOptions(),
  insertQuarter: (payload: unknown) => insertQuarter(payload),
  insertKpis: (payload: unknown) => insertKpis(payload),
  getCheckInState: (payload?: unknown) => checkInState(payload),
  checkIn: (payload: unknown) => checkIn(payload),
  getHealth: (payload?: unknown) => healthState(payload),
  getReviewState: (payload?: unknown) => reviewState(payload),
  saveReviewStep: (payload: unknown) => saveReviewStep(payload),
  finishReview: (payload: unknown) => finishReview(payload),
  discardReviewAnswers: (payload: unknown) => discardReviewAnswers(payload),
  reopenQuarter: (payload?: unknown) => reopenQuarter(payload),
  addKeyResult: (payload: unknown) => addKeyResult(payload),
  addObjective: (payload?: unknown) => addObjective(payload),
  rollKpis: (payload: unknown) => rollKpis(payload),
  repairSheet: (payload?: unknown) => repairSheet(payload),
  setOwnerFilter: (payload: unknown) => setOwnerFilter(payload),
  selectRow: (payload: unknown) => selectRow(payload),
  getAlignmentTree: (payload?: unknown) => alignmentTreeState(payload),
  goToObjective: (payload: unknown) => goToObjective(payload),
  getCompanyState: () => companyState(),
  addCompanyTeam: (payload: unknown) => addCompanyTeam(payload),
  refreshCompany: () => refreshCompany(),
  recordLiveValues: (payload?: unknown) => recordLiveValues(payload),
  setLiveOnOpen: (payload: unknown) => setLiveOnOpen(payload),
  linkKpis: (payload?: unknown) => linkKpis(payload),
};
