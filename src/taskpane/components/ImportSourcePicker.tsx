import { useState } from "react";
import { Button, Field, Select, Text, Textarea } from "@fluentui/react-components";
import { DELIMITERS, ENCODING_CHOICES, type DelimiterChoice, type EncodingChoice } from "../../core/import";
import type { MessageKey } from "../../i18n";
import { useLocale } from "../locale";
import { FilePickButton } from "./FilePickButton";
import type { ImportInput } from "../importFlow";

const DELIMITER_KEY: Record<DelimiterChoice, MessageKey> = {
  auto: "import.delimiter.auto",
  ",": "import.delimiter.comma",
  "\t": "import.delimiter.tab",
  ";": "import.delimiter.semicolon",
  "|": "import.delimiter.pipe",
};
const DELIMITER_VALUE: Record<DelimiterChoice, string> = { auto: "auto", ",": "comma", "\t": "tab", ";": "semicolon", "|": "pipe" };
const DELIMITER_CHOICES: DelimiterChoice[] = ["auto", ...DELIMITERS];

const row = { display: "flex", gap: 8, flexWrap: "wrap", alignItems: "flex-end" } as const;

export interface SourceProps {
  encoding: EncodingChoice;
  delimiter: DelimiterChoice;
  fileName: string | null;
  disabled: boolean;
  onEncoding(e: EncodingChoice): void;
  onDelimiter(d: DelimiterChoice): void;
  onInput(input: ImportInput): void;
}

/** A file (Fluent button over a hidden file input) or pasted text, with encoding and delimiter overrides. */
export function ImportSourcePicker(props: SourceProps): JSX.Element {
  const { t } = useLocale();
  const [text, setText] = useState("");

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <Text>{t("import.intro")}</Text>
      <div style={row}>
        <FilePickButton
          appearance="primary"
          disabled={props.disabled}
          inputLabel={t("import.fileInput")}
          accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onFile={({ name, bytes }) => props.onInput({ kind: "file", name, bytes })}
        >
          {t("import.chooseFile")}
        </FilePickButton>
        {props.fileName !== null && <Text>{t("import.file", { name: props.fileName })}</Text>}
      </div>
      <div style={row}>
        <Field label={t("import.encoding")}>
          <Select value={props.encoding} onChange={(_, d) => props.onEncoding(d.value as EncodingChoice)}>
            {ENCODING_CHOICES.map((e) => (
              <option key={e} value={e}>
                {t(`import.encoding.${e}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("import.delimiter")}>
          <Select
            value={DELIMITER_VALUE[props.delimiter]}
            onChange={(_, d) => props.onDelimiter(DELIMITER_CHOICES.find((c) => DELIMITER_VALUE[c] === d.value) ?? "auto")}
          >
            {DELIMITER_CHOICES.map((c) => (
              <option key={DELIMITER_VALUE[c]} value={DELIMITER_VALUE[c]}>
                {t(DELIMITER_KEY[c])}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t("import.paste")}>
        <Textarea value={text} resize="vertical" rows={4} onChange={(_, d) => setText(d.value)} />
      </Field>
      <div>
        <Button disabled={props.disabled || text.trim() === ""} onClick={() => props.onInput({ kind: "paste", text })}>
          {t("import.readPaste")}
        </Button>
      </div>
    </div>
  );
}
