/**
 * The one layout of every email (React Email): the brand, a greeting, the product's paragraphs,
 * the block of text users wrote, an optional call-to-action button with its URL spelled out, and
 * a footer. Inline styles only (mail clients drop `<style>` and classes); table-based pieces from
 * `@react-email/components`, which render the same in Gmail, Outlook and Apple Mail.
 *
 * Text a user wrote (a user's or a workspace's name, an address they typed) goes only in the block
 * under "Entered by users, not written by us:", each value on one line in quotation marks, so a
 * name such as "Reset your password at evil.example" cannot read as our own instruction (OWASP
 * WSTG-BUSL-00, content spoofing through text injection). React escapes every value.
 */
import {
  Body,
  Button,
  Container,
  Head,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { getBrand } from "@/server/brand";

/** Values a user wrote, each with the label it is shown under, e.g. ["Workspace", "Acme"]. */
export type UserText = [label: string, value: string][];

/** The line above the users' text, in HTML and plain text alike. */
export const USER_TEXT_MARK = "Entered by users, not written by us:";

/**
 * `value` in quotation marks, on one line: runs of control, format (bidi overrides, zero-width)
 * and line/paragraph separator characters become one space, and the value's own “ ” become ",
 * so it can neither start a paragraph of its own nor close our quotation marks.
 */
export function quote(value: string): string {
  const flat = value
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/[“”]/g, '"')
    .trim();
  return `“${flat}”`;
}

export interface EmailLayoutProps {
  /** The document's title: the subject (product text). */
  title: string;
  /** The inbox preview line (product text). */
  preview: string;
  /** Product paragraphs, after "Hello,". */
  paragraphs: string[];
  userText: UserText;
  /** The button; its URL is also printed for clients that block buttons. */
  action?: { label: string; url: string };
  /** A picture beside the brand (a workspace's logo): an absolute URL, 64 px square, and its alt. */
  image?: { src: string; alt: string };
}

const colors = { text: "#18181b", muted: "#52525b", border: "#e4e4e7", brand: "#4f46e5" };
const paragraph = { fontSize: "15px", lineHeight: "24px", margin: "0 0 16px", color: colors.text };

/** The branded frame and body of an email. */
export function EmailLayout({
  title,
  preview,
  paragraphs,
  userText,
  action,
  image,
}: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head>
        <title>{title}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body
        style={{
          backgroundColor: "#f4f4f5",
          fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
          margin: 0,
          padding: "24px 12px",
        }}
      >
        <Container
          style={{
            backgroundColor: "#ffffff",
            border: `1px solid ${colors.border}`,
            borderRadius: "12px",
            maxWidth: "560px",
            padding: "28px 24px",
          }}
        >
          <Text
            style={{ fontSize: "20px", fontWeight: 700, color: colors.brand, margin: "0 0 24px" }}
          >
            {getBrand().name}
          </Text>
          {image && (
            <Img
              src={image.src}
              alt={image.alt}
              width="48"
              height="48"
              style={{ borderRadius: "8px", margin: "0 0 16px" }}
            />
          )}
          <Text style={paragraph}>Hello,</Text>
          {paragraphs.map((text) => (
            <Text key={text} style={paragraph}>
              {text}
            </Text>
          ))}
          {userText.length > 0 && (
            <Section
              style={{
                borderLeft: `3px solid ${colors.border}`,
                margin: "0 0 16px",
                padding: "4px 12px",
              }}
            >
              <Text style={{ fontSize: "12px", color: colors.muted, margin: "0 0 4px" }}>
                {USER_TEXT_MARK}
              </Text>
              {userText.map(([label, value]) => (
                <Text key={label} style={{ ...paragraph, margin: 0 }}>
                  {`${label}: ${quote(value)}`}
                </Text>
              ))}
            </Section>
          )}
          {action && (
            <Section style={{ margin: "8px 0 16px" }}>
              <Button
                href={action.url}
                style={{
                  backgroundColor: colors.brand,
                  borderRadius: "6px",
                  color: "#ffffff",
                  fontSize: "15px",
                  fontWeight: 600,
                  padding: "12px 20px",
                  textDecoration: "none",
                }}
              >
                {action.label}
              </Button>
              {/* The plain-text part already spells the button's link out. */}
              <Text
                data-skip-in-text="true"
                style={{ fontSize: "13px", color: colors.muted, margin: "16px 0 0" }}
              >
                Or open this link:{" "}
                <Link href={action.url} style={{ color: colors.brand, wordBreak: "break-all" }}>
                  {action.url}
                </Link>
              </Text>
            </Section>
          )}
          <Hr style={{ borderColor: colors.border, margin: "24px 0 16px" }} />
          <Text style={{ fontSize: "12px", color: colors.muted, margin: 0 }}>
            {getBrand().name} sent you this email about your account. Please do not reply to it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
