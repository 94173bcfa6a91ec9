// discord-api-spec's `./zod` export points its types at the JavaScript file; declare what the fake uses.
declare module "discord-api-spec/zod" {
  interface SpecSchema {
    safeParse(value: unknown): { success: boolean; error?: { issues?: unknown[] } };
  }
  export const CreateGuildChannelRequestSchema: SpecSchema;
  export const ErrorResponseSchema: SpecSchema;
  export const GuildChannelResponseSchema: SpecSchema;
  export const MessageCreateRequestSchema: SpecSchema;
  export const MessageResponseSchema: SpecSchema;
  export const RatelimitedResponseSchema: SpecSchema;
}
