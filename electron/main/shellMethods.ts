import { type BrowserWindow, dialog, shell } from 'electron';
import { existsSync } from 'node:fs';
import type { ParsedRequestOf, ResponseOf, ShellMethodName } from '../../shared/contract/methods';

type ShellHandlers = { [M in ShellMethodName]: (req: ParsedRequestOf<M>) => Promise<ResponseOf<M>> };

const EXPORT_FILTERS = [
  { name: 'Exports', extensions: ['csv', 'json', 'txt', 'tsv', 'zip'] },
  { name: 'All files', extensions: ['*'] },
];

/** The desktop shell's own methods: native dialogs, revealing a file, and what the shell remembers. */
export function shellHandlers(window: () => BrowserWindow | null, remembered: { recent: () => Promise<ResponseOf<'engagements:recent'>> }): ShellHandlers {
  const parent = (): BrowserWindow => {
    const w = window();
    if (!w) throw new Error('No window is open.');
    return w;
  };
  return {
    'dialog:openFiles': async (req) => {
      const r = await dialog.showOpenDialog(parent(), {
        title: req.directories ? 'Import a folder of exports' : 'Import export files',
        properties: req.directories ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
        filters: req.directories ? [] : EXPORT_FILTERS,
      });
      return r.canceled ? [] : r.filePaths;
    },
    'dialog:openEngagement': async () => {
      const r = await dialog.showOpenDialog(parent(), {
        title: 'Open engagement',
        properties: ['openFile'],
        filters: [{ name: 'nhi-audit engagement', extensions: ['nhiaudit'] }],
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    'dialog:saveEngagement': async (req) => {
      const r = await dialog.showSaveDialog(parent(), {
        title: 'New engagement',
        defaultPath: req.suggestedName,
        filters: [{ name: 'nhi-audit engagement', extensions: ['nhiaudit'] }],
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    'dialog:saveWorkbook': async (req) => {
      const r = await dialog.showSaveDialog(parent(), {
        title: 'Export governance workbook',
        defaultPath: req.suggestedName,
        filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    'dialog:saveReport': async (req) => {
      const r = await dialog.showSaveDialog(parent(), {
        title: 'Export JSON report',
        defaultPath: req.suggestedName,
        filters: [{ name: 'JSON report', extensions: ['json'] }],
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    'dialog:openWorkbook': async () => {
      const r = await dialog.showOpenDialog(parent(), {
        title: 'Import a reviewed workbook',
        properties: ['openFile'],
        filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    'shell:showInFolder': async (req) => {
      // Only reveals an existing local file; never opens URLs (security checklist item 15).
      if (!existsSync(req.path)) return { shown: false };
      shell.showItemInFolder(req.path);
      return { shown: true };
    },
    'engagements:recent': () => remembered.recent(),
  };
}
