/**
 * Puts an accepted file where Teams said (the uploadUrl of a file consent answer, a OneDrive
 * upload session): one PUT with the whole content and its Content-Range.
 */
export async function uploadFile(uploadUrl: string, content: Buffer): Promise<void> {
  const response = await fetch(uploadUrl, {
    method: "PUT",
    headers: { "Content-Length": String(content.length), "Content-Range": `bytes 0-${content.length - 1}/${content.length}` },
    body: content,
    // Like every request to Teams, one that gets no answer is given up rather than held.
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`the file upload was refused: ${response.status} ${await response.text()}`);
}
