import { notFound } from "next/navigation";
import { PageTitle } from "@/components/admin/list-parts";
import { PostEditor } from "@/components/admin/post-editor";
import { getPost } from "@/server/content/posts";
import { DomainError } from "@/server/errors";
import { editorMetadata, requireEditor } from "../../../server";

export const generateMetadata = editorMetadata({ title: "Edit post" });

/** The post's editor; an unknown id is the 404 page. */
export default async function EditPostPage({ params }: PageProps<"/admin/posts/[id]">) {
  await requireEditor();
  const { id } = await params;
  const post = await getPost(id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <PageTitle title={post.title}>Edit, preview and publish.</PageTitle>
      <PostEditor key={post.updatedAt.toISOString()} post={post} />
    </div>
  );
}
