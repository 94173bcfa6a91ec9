/** Types of readme-tables.mjs (a plain-node script, imported by the actions tests). */
export const SECTIONS: readonly ["inputs", "outputs"];
export function renderTable(action: unknown, section: "inputs" | "outputs"): string;
export function updateReadme(markdown: string, action: unknown): { text: string; missing: string[] };
export function actionFolders(actionsRoot: string): { dir: string; file: string }[];
