/** OpenAI's error answers (status and body) for the failure modes the fake can play. */

export const ERRORS = {
  "invalid-key": {
    status: 401,
    body: {
      error: {
        message:
          "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
        type: "invalid_request_error",
        param: null,
        code: "invalid_api_key",
      },
    },
  },
  "insufficient-quota": {
    status: 429,
    body: {
      error: {
        message:
          "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
        type: "insufficient_quota",
        param: null,
        code: "insufficient_quota",
      },
    },
  },
  "rate-limit": {
    status: 429,
    body: {
      error: {
        message:
          "Rate limit reached for gpt-test in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 7s.",
        type: "requests",
        param: null,
        code: "rate_limit_exceeded",
      },
    },
  },
  "server-error": {
    status: 500,
    body: {
      error: {
        message: "The server had an error while processing your request. Sorry about that!",
        type: "server_error",
        param: null,
        code: null,
      },
    },
  },
} as const;
