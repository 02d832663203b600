import { useRef, type ReactNode } from "react";
import { Button, type ButtonProps } from "@fluentui/react-components";

/** A Fluent button over a hidden file input: hands the picked file's bytes and name on, then clears the input so the same file can be picked again. */
export function FilePickButton(props: {
  children: ReactNode;
  /** The hidden input's accessible name. */
  inputLabel: string;
  accept: string;
  disabled: boolean;
  appearance?: ButtonProps["appearance"];
  onFile(file: { name: string; bytes: Uint8Array }): void | Promise<void>;
}): JSX.Element {
  const fileRef = useRef<HTMLInputElement>(null);
  const picked = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    await props.onFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  };
  return (
    <>
      <Button {...(props.appearance ? { appearance: props.appearance } : {})} disabled={props.disabled} onClick={() => fileRef.current?.click()}>
        {props.children}
      </Button>
      <input
        ref={fileRef}
        type="file"
        hidden
        aria-label={props.inputLabel}
        accept={props.accept}
        onChange={(e) => {
          void picked(e.currentTarget.files?.[0]);
          e.currentTarget.value = "";
        }}
      />
    </>
  );
}
