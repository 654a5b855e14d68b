import type { Message, REACTION_EMOJIS } from '@helix/contract';
import { apiClient, socketRequest } from '@helix/web/data-access';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { upsertMessage } from './room-event-cache';

export type ReactionEmoji = (typeof REACTION_EMOJIS)[number];

export const editMessage = (messageId: string, text: string) =>
  socketRequest('message:edit', { messageId, text }).then((ack) => ack.message);

export const deleteMessage = (messageId: string) =>
  socketRequest('message:delete', { messageId }).then((ack) => ack.message);

export const toggleReaction = (messageId: string, emoji: ReactionEmoji) =>
  socketRequest('reaction:toggle', { messageId, emoji }).then((ack) => ack.message);

/** A moderator hides a message with a reason; everyone then sees the reason in its place. */
export const hideMessage = (messageId: string, reason: string): Promise<Message> =>
  apiClient.post<Message>(`/messages/${encodeURIComponent(messageId)}/hide`, { reason });

function useMessageMutation<V>(run: (variables: V) => Promise<Message>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: (message) => upsertMessage(queryClient, message) });
}

export const useEditMessage = () =>
  useMessageMutation(({ messageId, text }: { messageId: string; text: string }) =>
    editMessage(messageId, text),
  );

export const useDeleteMessage = () => useMessageMutation((messageId: string) => deleteMessage(messageId));

export const useHideMessage = () =>
  useMessageMutation(({ messageId, reason }: { messageId: string; reason: string }) =>
    hideMessage(messageId, reason),
  );

export const useToggleReaction = () =>
  useMessageMutation(({ messageId, emoji }: { messageId: string; emoji: ReactionEmoji }) =>
    toggleReaction(messageId, emoji),
  );
