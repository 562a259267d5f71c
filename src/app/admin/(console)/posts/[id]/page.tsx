import { PageTitle } from "@/components/admin/list-parts";
import { PostEditor } from "@/components/admin/post-editor";
import { editorMetadata, requirePost } from "../../../server";

export const generateMetadata = editorMetadata({ title: "Edit post" });

/** The post's editor; an unknown id is the 404 page. */
export default async function EditPostPage({ params }: PageProps<"/admin/posts/[id]">) {
  const post = await requirePost((await params).id);
  return (
    <div className="space-y-6">
      <PageTitle title={post.title}>Edit, preview and publish.</PageTitle>
      <PostEditor key={post.updatedAt.toISOString()} post={post} />
    </div>
  );
}
