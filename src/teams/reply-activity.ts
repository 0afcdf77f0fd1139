import type { Attachment } from "botbuilder";
import type { ChatReply } from "../chatops/chat-reply.js";
import { cardAttachment } from "../cards/render-card.js";

/**
 * A command's answer as what the bot sends back. A file goes as a file consent card first: Teams
 * uploads nothing until the person accepts (the upload follows in fileConsent/invoke).
 */
export function replyActivity(reply: ChatReply): { text?: string; attachments?: Attachment[] } {
  switch (reply.kind) {
    case "text":
      return { text: reply.text };
    case "card":
      return { attachments: [cardAttachment(reply.card)] };
    case "file":
      return {
        attachments: [
          {
            contentType: "application/vnd.microsoft.teams.card.file.consent",
            name: reply.name,
            content: {
              description: reply.description,
              sizeInBytes: reply.content.length,
              acceptContext: { kind: "export", name: reply.name },
              declineContext: { kind: "export" },
            },
          },
        ],
      };
  }
}
