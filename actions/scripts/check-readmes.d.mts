/** Types of check-readmes.mjs (a plain-node script, imported by the actions tests). */
export function readmeTable(markdown: string, title: string): Record<string, string>[] | undefined;
export function checkActionReadme(actionDir: string): string[];
export function actionDirs(actionsRoot: string): string[];
export function checkReadmes(actionsRoot: string): string[];
