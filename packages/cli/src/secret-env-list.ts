/**
 * Names the user declared secret: `--secret-env NAME` (repeatable, any command; `runCli` folds
 * them into this variable) and `CODEXREL_SECRET_ENV` (names separated by commas, spaces or newlines).
 * Its own module so the executable can fold the flag in without loading what commands import.
 */
export const SECRET_ENV_LIST = "CODEXREL_SECRET_ENV";
