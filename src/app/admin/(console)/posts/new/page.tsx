import { PageTitle } from "@/components/admin/list-parts";
import { PostEditor } from "@/components/admin/post-editor";
import { editorMetadata, requireEditor } from "../../../server";

export const generateMetadata = editorMetadata({ title: "New post" });

export default async function NewPostPage() {
  await requireEditor();
  return (
    <div className="space-y-6">
      <PageTitle title="New post">
        Saved as a draft: nobody sees it until you publish or schedule it.
      </PageTitle>
      <PostEditor />
    </div>
  );
}
